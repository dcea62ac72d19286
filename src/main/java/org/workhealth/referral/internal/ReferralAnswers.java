package org.workhealth.referral.internal;

import java.time.LocalDate;
import org.workhealth.referral.EmploymentStatus;

/**
 * Everything a referral records about the person, as the public form, a partner's form and a
 * bulk file all give it. Validated by {@link ReferralRules} before it is accepted.
 */
public record ReferralAnswers(
        boolean referringSomeoneElse, Boolean personAgrees, String referrerName, String referrerContact,
        String firstName, String lastName, LocalDate dateOfBirth, String nhsNumber,
        String phone, String email, String addressLine1, String addressLine2, String town, String postcode,
        ContactPreference contactPreference, String bestTimes,
        String gpPractice, String gpPracticeCode,
        EmploymentStatus employmentStatus, LocalDate unemployedSince, String employerName, Boolean hasFitNote,
        LocalDate fitNoteSince,
        boolean mentalHealth, boolean musculoskeletal, boolean otherCondition, String conditionDetails,
        String waitingForTreatment, String helpWanted,
        boolean consentToContact, boolean consentToContactEmployer,
        String sex, String genderSameAsBirth, String ethnicity, String disability, String caring) {

    /** The address lines and postcode that were given, joined for display. */
    public String address() {
        String shownPostcode = ReferralRules.normalisePostcode(postcode) == null ? postcode
                : ReferralRules.normalisePostcode(postcode);
        return java.util.stream.Stream.of(addressLine1, addressLine2, town, shownPostcode)
                .filter(part -> part != null && !part.isBlank()).map(String::strip)
                .collect(java.util.stream.Collectors.joining(", "));
    }

    public String fullName() {
        return (firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName);
    }
}
