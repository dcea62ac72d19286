package org.workhealth.api;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import org.workhealth.govuk.TypedText;
import org.workhealth.referral.EmploymentStatus;
import org.workhealth.referral.SystemReferral;

/**
 * A referral as a system sends it: the answers a referrer gives on the web form, with the form's codes for coded
 * answers. The intake's rules give each text its exact limit; this refuses control characters and any text longer
 * than the longest answer the form takes, before the rules run.
 */
@Schema(description = "A referral, with the answers a referrer gives on the web form")
record ReferralRequest(
        @Schema(example = "Dr Helen Clarke", maxLength = 100) String referrerName,
        @Schema(description = "The referrer's phone number or email address, told the reference", maxLength = 254,
                example = "referrer@townside.example") String referrerContact,
        @Schema(description = "The person agrees to being referred (required: true)") Boolean personAgrees,
        @Schema(example = "Amira", maxLength = 100) String firstName,
        @Schema(example = "Khan", maxLength = 100) String lastName,
        @Schema(example = "1984-02-02") LocalDate dateOfBirth,
        @Schema(description = "10 digits with a valid check digit", example = "9434765919") String nhsNumber,
        @Schema(example = "07700900123") String phone,
        @Schema(maxLength = 254) String email,
        @Schema(maxLength = 200) String addressLine1,
        @Schema(maxLength = 200) String addressLine2,
        @Schema(maxLength = 100) String town,
        @Schema(example = "BL9 0EJ") String postcode,
        @Schema(allowableValues = {"PHONE", "EMAIL", "TEXT", "LETTER"}) String contactPreference,
        @Schema(maxLength = 200) String bestTimes,
        @Schema(maxLength = 200) String gpPractice,
        @Schema(description = "The GP practice's ODS code", example = "P83010") String gpPracticeCode,
        @Schema(allowableValues = {"EMPLOYED", "SELF_EMPLOYED", "OFF_SICK", "UNEMPLOYED", "NOT_WORKED_RECENTLY"})
        String employmentStatus,
        LocalDate unemployedSince,
        @Schema(maxLength = 200) String employerName,
        Boolean hasFitNote,
        LocalDate fitNoteSince,
        Boolean mentalHealth,
        Boolean musculoskeletal,
        Boolean otherCondition,
        @Schema(maxLength = 2000) String conditionDetails,
        @Schema(allowableValues = {"YES", "NO", "DONT_KNOW"}) String waitingForTreatment,
        @Schema(maxLength = 2000) String helpWanted,
        @Schema(description = "The person agrees the service may contact them and use their information "
                + "(required: true)") Boolean consentToContact,
        Boolean consentToContactEmployer) {

    /** The longest answer the web form takes (details of health conditions, help wanted). */
    static final int LONGEST_TEXT = 2000;

    /** Problems no rule of the form would name: control characters, text longer than any answer, unknown codes. */
    List<ApiRefusal.FieldError> problems() {
        List<ApiRefusal.FieldError> problems = new ArrayList<>();
        for (RecordComponent component : ReferralRequest.class.getRecordComponents()) {
            if (component.getType() != String.class) {
                continue;
            }
            String value;
            try {
                value = (String) component.getAccessor().invoke(this);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (TypedText.hasControlCharacters(value)) {
                problems.add(new ApiRefusal.FieldError(component.getName(), "Remove control characters"));
            } else if (value != null && value.length() > LONGEST_TEXT) {
                problems.add(new ApiRefusal.FieldError(component.getName(),
                        "Answers must be " + LONGEST_TEXT + " characters or fewer"));
            }
        }
        if (employmentStatus != null && status().isEmpty()) {
            problems.add(new ApiRefusal.FieldError("employmentStatus",
                    "Give the employment status as one of " + Arrays.toString(EmploymentStatus.values())));
        }
        return problems;
    }

    SystemReferral toSystemReferral() {
        return new SystemReferral(referrerName, referrerContact, yes(personAgrees), firstName, lastName, dateOfBirth,
                nhsNumber, phone, email, addressLine1, addressLine2, town, postcode, contactPreference, bestTimes,
                gpPractice, gpPracticeCode, status().orElse(null), unemployedSince, employerName, hasFitNote,
                fitNoteSince, yes(mentalHealth), yes(musculoskeletal), yes(otherCondition), conditionDetails,
                waitingForTreatment, helpWanted, yes(consentToContact), yes(consentToContactEmployer));
    }

    private java.util.Optional<EmploymentStatus> status() {
        return Arrays.stream(EmploymentStatus.values()).filter(s -> s.name().equals(employmentStatus)).findFirst();
    }

    private static boolean yes(Boolean answer) {
        return Boolean.TRUE.equals(answer);
    }
}
