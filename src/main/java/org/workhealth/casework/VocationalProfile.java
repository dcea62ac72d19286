package org.workhealth.casework;

import java.time.Instant;
import java.util.List;

/** An IPS participant's vocational profile: the work they want, and whether employers should know about their health. */
record VocationalProfile(String jobPreferences, Integer hoursPerWeek, List<Sector> sectors, String travel,
        Disclosure disclosure, String disclosureHow, String savedByName, Instant savedAt) {

    static final VocationalProfile EMPTY = new VocationalProfile(null, null, List.of(), null, null, null, null, null);

    VocationalProfile {
        sectors = sectors == null ? List.of() : sectors.stream().distinct().sorted().toList();
    }

    /** The sections of the UK Standard Industrial Classification (SIC 2007). */
    enum Sector {
        A("Agriculture, forestry and fishing"),
        B("Mining and quarrying"),
        C("Manufacturing"),
        D("Electricity, gas, steam and air conditioning supply"),
        E("Water supply; sewerage, waste management and remediation activities"),
        F("Construction"),
        G("Wholesale and retail trade; repair of motor vehicles and motorcycles"),
        H("Transportation and storage"),
        I("Accommodation and food service activities"),
        J("Information and communication"),
        K("Financial and insurance activities"),
        L("Real estate activities"),
        M("Professional, scientific and technical activities"),
        N("Administrative and support service activities"),
        O("Public administration and defence; compulsory social security"),
        P("Education"),
        Q("Human health and social work activities"),
        R("Arts, entertainment and recreation"),
        S("Other service activities"),
        T("Activities of households as employers; undifferentiated goods- and services-producing activities of "
                + "households for own use"),
        U("Activities of extraterritorial organisations and bodies");

        private final String label;

        Sector(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
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
