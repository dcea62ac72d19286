package org.workhealth.trial.employer;

import java.time.LocalDate;

/** One treatment-arm SME's instalment: the plan's amount and condition, and where it stands. */
public record SmeInstalment(int number, long amountPence, String condition, InstalmentStatus status,
        String evidenceReference, LocalDate conditionMetOn, String withheldReason) {

    public String amount() {
        return Pounds.format(amountPence);
    }
}
