package org.workhealth.casework;

import java.time.Instant;
import java.util.List;

import org.workhealth.classification.SicSection;

/** An IPS participant's vocational profile: the work they want, and whether employers should know about their health. */
record VocationalProfile(String jobPreferences, Integer hoursPerWeek, List<SicSection> sectors, String travel,
        Disclosure disclosure, String disclosureHow, String savedByName, Instant savedAt) {

    static final VocationalProfile EMPTY = new VocationalProfile(null, null, List.of(), null, null, null, null, null);

    VocationalProfile {
        sectors = sectors == null ? List.of() : sectors.stream().distinct().sorted().toList();
    }

    enum Disclosure {
        YES("Yes, they want to tell employers"), NO("No, they do not want employers to know"),
        NOT_DECIDED("They have not decided yet");

        private final String label;

        Disclosure(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
