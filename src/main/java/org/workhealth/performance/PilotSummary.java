package org.workhealth.performance;

import java.time.LocalDate;
import java.util.List;

/**
 * One pilot in a board report: who runs it, when, its budget, what it has delivered to the quarter's end and the
 * outcome measures its provider reported for the quarter. Figures only, no names of people.
 *
 * @param budgetPence the pilot's budget, in pence
 * @param sessions    sessions delivered to the end of the quarter
 * @param attendees   people who attended them (a person at two sessions counts twice)
 */
public record PilotSummary(String name, String providerName, LocalDate startsOn, LocalDate endsOn, long budgetPence,
        long sessions, long attendees, List<Measure> measures) {

    public PilotSummary {
        measures = List.copyOf(measures);
    }

    /** An outcome measure as reported for the quarter, for example "Participants reporting improved resilience: 68%". */
    public record Measure(String name, String value) {
    }

    /** "£12,500.00". */
    public String budgetText() {
        return String.format(java.util.Locale.UK, "£%,d.%02d", budgetPence / 100, budgetPence % 100);
    }
}
