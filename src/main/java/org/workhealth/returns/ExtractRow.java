package org.workhealth.returns;

import java.time.LocalDate;

/**
 * One participant's row of a return's extract. Pseudonymous: the participant id is a random token, and nothing
 * here names the person or says how to reach them.
 */
record ExtractRow(String participantId, String cohort, String ageBand, String sex, String ethnicity,
        String disability, String employmentStatus, LocalDate referredOn, LocalDate engagedOn,
        LocalDate actionPlanAgreedOn, LocalDate jobStartOn, LocalDate jobRetentionOn, LocalDate exitedOn,
        String exitReason) {
}
