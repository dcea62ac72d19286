package org.workhealth.referral;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import org.workhealth.programme.Programme;
import org.workhealth.referral.internal.ReferralSource;

/** One referral as triage reads it: every answer, where it is routed, and any decision taken. */
record ReferralDetails(long id, String reference, ReferralStatus status, ReferralSource source, Instant receivedAt,
        Instant responseDueAt, long routedOrganisationId, String routedOrganisationName, String referringFor,
        Boolean personAgrees, String referrerName, String referrerContact, String referrerOrganisationName,
        String firstName, String lastName, LocalDate dateOfBirth, String nhsNumber, String phone, String email,
        String addressLine1, String addressLine2, String town, String postcode, String contactPreference,
        String bestTimes, String gpPractice, String gpPracticeCode, String employmentStatus, LocalDate unemployedSince,
        String employerName, Boolean hasFitNote, LocalDate fitNoteSince, boolean mentalHealth,
        boolean musculoskeletal, boolean otherCondition, String conditionDetails, String waitingForTreatment,
        String helpWanted, boolean consentToContact, boolean consentToContactEmployer, String sex,
        String genderSameAsBirth, String ethnicity, String disability, String caring, String matchKey,
        Long programmeId, String programmeName, Long cohortId, String cohortName, Long assignedPersonId,
        String assignedPersonName, Instant decidedAt, String decidedByName, String decisionReason,
        String cohortOverrideReason, String signpostedTo) {

    /** The referral's own columns; names of what it points to come from {@link ReferralNames}. */
    static final String SELECT = """
            SELECT r.*, r.address_line_1 AS address_line1, r.address_line_2 AS address_line2
            FROM referral r
            """;

    public String fullName() {
        return firstName + " " + lastName;
    }

    public boolean overdueAt(Instant now) {
        return status.open() && responseDueAt.isBefore(now);
    }

    /** Maps a row of {@link #SELECT}, naming what it points to with one look-up per owning module. */
    static ReferralDetails map(ResultSet rs, ReferralNames names) throws SQLException {
        Long programmeId = longOrNull(rs, "programme_id");
        Long cohortId = longOrNull(rs, "cohort_id");
        Long assignedPersonId = longOrNull(rs, "assigned_person_id");
        Long decidedBy = longOrNull(rs, "decided_by");
        Long referrerOrganisationId = longOrNull(rs, "referrer_organisation_id");
        Map<Long, String> organisations = names.organisations();
        Map<Long, String> people = names.people(Arrays.asList(assignedPersonId, decidedBy));
        Optional<Programme> programme = names.programme(programmeId);
        return new ReferralDetails(rs.getLong("id"), rs.getString("reference"),
                ReferralStatus.valueOf(rs.getString("status")), ReferralSource.valueOf(rs.getString("source")),
                instant(rs, "received_at"), instant(rs, "response_due_at"), rs.getLong("routed_organisation_id"),
                organisations.get(rs.getLong("routed_organisation_id")), rs.getString("referring_for"), bool(rs, "person_agrees"),
                rs.getString("referrer_name"), rs.getString("referrer_contact"),
                referrerOrganisationId == null ? null : organisations.get(referrerOrganisationId),
                rs.getString("first_name"), rs.getString("last_name"),
                date(rs, "date_of_birth"), rs.getString("nhs_number"), rs.getString("phone"), rs.getString("email"),
                rs.getString("address_line1"), rs.getString("address_line2"), rs.getString("town"),
                rs.getString("postcode"), rs.getString("contact_preference"), rs.getString("best_times"),
                rs.getString("gp_practice"), rs.getString("gp_practice_code"), rs.getString("employment_status"),
                date(rs, "unemployed_since"), rs.getString("employer_name"), bool(rs, "has_fit_note"),
                date(rs, "fit_note_since"), rs.getBoolean("condition_mental_health"),
                rs.getBoolean("condition_musculoskeletal"), rs.getBoolean("condition_other"),
                rs.getString("condition_details"), rs.getString("waiting_for_treatment"), rs.getString("help_wanted"),
                rs.getBoolean("consent_to_contact"), rs.getBoolean("consent_to_contact_employer"), rs.getString("sex"),
                rs.getString("gender_same_as_birth"), rs.getString("ethnicity"), rs.getString("disability"),
                rs.getString("caring"), rs.getString("match_key"), programmeId,
                programme.map(Programme::name).orElse(null), cohortId, ReferralNames.cohort(programme, cohortId),
                assignedPersonId, assignedPersonId == null ? null : people.get(assignedPersonId),
                instant(rs, "decided_at"), decidedBy == null ? null : people.get(decidedBy), rs.getString("decision_reason"),
                rs.getString("cohort_override_reason"), rs.getString("signposted_to"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        java.sql.Date value = rs.getDate(column);
        return value == null ? null : value.toLocalDate();
    }

    private static Boolean bool(ResultSet rs, String column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
