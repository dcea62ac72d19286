package org.workhealth.referral;

import java.time.LocalDate;

/**
 * A referral sent by another organisation's system (the JSON API or a GP system's FHIR message): the same answers a
 * referrer gives on the web form, checked by the same rules. Coded answers are the form's codes, such as
 * {@code EMAIL} for {@code contactPreference} and {@code YES}, {@code NO} or {@code DONT_KNOW} for
 * {@code waitingForTreatment}.
 */
public record SystemReferral(String referrerName, String referrerContact, boolean personAgrees, String firstName,
        String lastName, LocalDate dateOfBirth, String nhsNumber, String phone, String email, String addressLine1,
        String addressLine2, String town, String postcode, String contactPreference, String bestTimes,
        String gpPractice, String gpPracticeCode, EmploymentStatus employmentStatus, LocalDate unemployedSince,
        String employerName, Boolean hasFitNote, LocalDate fitNoteSince, boolean mentalHealth,
        boolean musculoskeletal, boolean otherCondition, String conditionDetails, String waitingForTreatment,
        String helpWanted, boolean consentToContact, boolean consentToContactEmployer) {
}
