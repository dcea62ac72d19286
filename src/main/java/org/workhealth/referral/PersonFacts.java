package org.workhealth.referral;

import java.time.LocalDate;

/**
 * What eligibility and cohort rules need to know about a referral, with the two facts that come
 * from other records already looked up, so the rules themselves are pure functions.
 *
 * @param referredOn      the day the referral was received: ages and weeks out of work are measured then, so
 *                        a referral does not fail because triage took a few days
 * @param areaMatch       how the person is in the programme's area ("Postcode district BL9 (Bury)"), or null
 * @param activeReference the reference of another accepted referral of the same person on the programme, or null
 */
record PersonFacts(LocalDate dateOfBirth, LocalDate referredOn, String postcodeDistrict, String gpPracticeCode,
        EmploymentStatus employmentStatus, LocalDate unemployedSince, boolean mentalHealth, boolean musculoskeletal,
        boolean otherCondition, String waitingForTreatment, String areaMatch, String activeReference) {

    boolean anyCondition() {
        return mentalHealth || musculoskeletal || otherCondition;
    }

    boolean waitingForNhsTreatment() {
        return "YES".equalsIgnoreCase(waitingForTreatment);
    }
}
