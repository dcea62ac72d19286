package org.workhealth.referral.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.workhealth.referral.ReferralStatus;
import org.workhealth.referral.Referrer;

/** How a referral's answers are written to the {@code referral} table: one statement for every route in. */
public final class ReferralColumns {

    public static final String INSERT = """
            INSERT INTO referral (reference, status, source, received_at, response_due_at, routed_organisation_id,
                referrer_person_id, referrer_organisation_id, referring_for, person_agrees, referrer_name,
                referrer_contact, first_name, last_name, date_of_birth, nhs_number, phone, email, address_line_1,
                address_line_2, town, postcode, contact_preference, best_times, gp_practice, gp_practice_code,
                employment_status, unemployed_since, employer_name, has_fit_note, fit_note_since,
                condition_mental_health, condition_musculoskeletal, condition_other, condition_details,
                waiting_for_treatment, help_wanted, consent_to_contact, consent_to_contact_employer, sex,
                gender_same_as_birth, ethnicity, disability, caring, match_key, submission_key)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private ReferralColumns() {
    }

    public static List<Object> values(ReferralAnswers a, ReferralSource source, Referrer referrer, String submissionKey,
            String reference, Instant receivedAt, Instant dueAt, long routedTo) {
        String postcode = ReferralRules.normalisePostcode(a.postcode());
        return Arrays.asList(reference, ReferralStatus.RECEIVED.name(), source.name(), Timestamp.from(receivedAt),
                Timestamp.from(dueAt), routedTo, referrer == null ? null : referrer.personId(),
                referrer == null ? null : referrer.organisationId(),
                a.referringSomeoneElse() ? "SOMEONE_ELSE" : "SELF", a.personAgrees(), text(a.referrerName()),
                text(a.referrerContact()), a.firstName().strip(), a.lastName().strip(), date(a.dateOfBirth()),
                ReferralRules.normaliseNhsNumber(a.nhsNumber()), ReferralRules.normalisePhone(a.phone()),
                text(a.email()), text(a.addressLine1()), text(a.addressLine2()), text(a.town()), postcode,
                a.contactPreference().name(), text(a.bestTimes()), text(a.gpPractice()),
                text(a.gpPracticeCode()) == null ? null : a.gpPracticeCode().strip().toUpperCase(),
                a.employmentStatus().name(), date(a.unemployedSince()), text(a.employerName()), a.hasFitNote(),
                date(a.fitNoteSince()), a.mentalHealth(), a.musculoskeletal(), a.otherCondition(),
                text(a.conditionDetails()), text(a.waitingForTreatment()), text(a.helpWanted()),
                a.consentToContact(), a.consentToContactEmployer(), text(a.sex()), text(a.genderSameAsBirth()),
                text(a.ethnicity()), text(a.disability()), text(a.caring()),
                MatchKey.of(a.firstName(), a.lastName(), a.dateOfBirth(), postcode), submissionKey);
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }
}
