package org.workhealth.referral;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.govuk.Answers;
import org.workhealth.audit.AuditLog;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.referral.internal.ContactPreference;
import org.workhealth.referral.internal.ReferralAnswers;
import org.workhealth.referral.internal.ReferralRules;
import org.workhealth.referral.internal.MatchKey;

/**
 * Correcting a referral's answers after it arrived: contact details, GP practice, fit note and the equality
 * answers. Only the answers that changed are written; each is audited with its old and new value and the reason,
 * and the referral's timeline says what changed. A return compiled afterwards reads the corrected answers.
 */
@Service
class ReferralCorrections {

    /** An answer that can be corrected: its form field, column, label and longest value (0 for coded ones). */
    record Field(String name, String column, String label, int max) {
    }

    static final int REASON_MAX = 500;

    static final List<Field> FIELDS = List.of(
            new Field("phone", "phone", "Phone", 20),
            new Field("email", "email", "Email", 254),
            new Field("addressLine1", "address_line_1", "Address line 1", 200),
            new Field("addressLine2", "address_line_2", "Address line 2", 200),
            new Field("town", "town", "Town or city", 100),
            new Field("postcode", "postcode", "Postcode", 8),
            new Field("contactPreference", "contact_preference", "How they would like to be contacted", 0),
            new Field("gpPractice", "gp_practice", "GP practice", 200),
            new Field("hasFitNote", "has_fit_note", "Fit note", 0),
            new Field("sex", "sex", "Sex", 0),
            new Field("genderSameAsBirth", "gender_same_as_birth", "Gender the same as sex registered at birth", 0),
            new Field("ethnicity", "ethnicity", "Ethnic group", 0),
            new Field("disability", "disability", "Disability", 0),
            new Field("caring", "caring", "Caring responsibilities", 0));

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    ReferralCorrections(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** The answers as the form shows them: text as stored, the fit note as "yes" or "no", unanswered as null. */
    Map<String, String> answers(long referralId) {
        StringBuilder columns = new StringBuilder();
        FIELDS.forEach(f -> columns.append(columns.isEmpty() ? "" : ", ").append(f.column()));
        Map<String, Object> row = jdbc.sql("SELECT " + columns + " FROM referral WHERE id = ?").param(referralId)
                .query().singleRow();
        Map<String, String> answers = new LinkedHashMap<>();
        for (Field f : FIELDS) {
            Object value = null;
            for (Map.Entry<String, Object> column : row.entrySet()) {
                if (column.getKey().equalsIgnoreCase(f.column())) {
                    value = column.getValue();
                }
            }
            answers.put(f.name(), value instanceof Boolean b ? (b ? "yes" : "no") : (String) value);
        }
        return answers;
    }

    /** Each problem with the answers, by field; the answers are tidied (trimmed, postcode and phone normalised). */
    static List<ReferralRules.Problem> check(Map<String, String> answers, String reason) {
        List<ReferralRules.Problem> problems = new ArrayList<>();
        for (Field f : FIELDS) {
            String value = answers.get(f.name());
            if (value != null && value.chars().anyMatch(Character::isISOControl)) {
                problems.add(new ReferralRules.Problem(f.name(), f.label()
                        + " must only include letters, numbers, spaces and punctuation"));
            } else if (f.max() > 0 && value != null && value.length() > f.max()) {
                problems.add(new ReferralRules.Problem(f.name(), f.label() + " must be " + f.max()
                        + " characters or fewer"));
            }
        }
        ContactPreference preference = Answers.code(ContactPreference.class, answers.get("contactPreference"));
        if (problems.isEmpty()) {
            ReferralRules.contact(problems, new ReferralAnswers(false, null, null, null, "A", "B",
                    LocalDate.of(1990, 1, 1), null, answers.get("phone"), answers.get("email"),
                    answers.get("addressLine1"), answers.get("addressLine2"), answers.get("town"),
                    answers.get("postcode"), preference, null, answers.get("gpPractice"), null,
                    EmploymentStatus.UNEMPLOYED, null, null, null, null, false, false, false, null, null, null, true,
                    false, null, null, null, null, null));
        }
        coded(problems, answers, "hasFitNote", Set.of("yes", "no"), "Select whether they have a fit note");
        ReferralRules.equality(problems, new ReferralAnswers(false, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, false, false,
                false, null, null, null, false, false,
                answers.get("sex"), answers.get("genderSameAsBirth"), answers.get("ethnicity"), answers.get("disability"),
                answers.get("caring")));
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            problems.add(new ReferralRules.Problem("reason", "Enter why the referral is being corrected"));
        } else if (why.length() > REASON_MAX) {
            problems.add(new ReferralRules.Problem("reason", "Reason must be " + REASON_MAX + " characters or fewer"));
        }
        return problems;
    }

    /**
     * Writes the answers that changed, with the referral's timeline and an audit entry per answer.
     *
     * @return the labels of the answers that changed (none: nothing was written)
     */
    @Transactional
    List<String> correct(CurrentUser user, ReferralDetails referral, Map<String, String> corrected, String reason) {
        Map<String, String> before = answers(referral.id());
        Map<String, String> after = new LinkedHashMap<>();
        for (Field f : FIELDS) {
            after.put(f.name(), tidy(f.name(), corrected.get(f.name())));
        }
        List<String> changed = new ArrayList<>();
        for (Field f : FIELDS) {
            String old = before.get(f.name());
            String now = after.get(f.name());
            if (Objects.equals(old, now)) {
                continue;
            }
            Object value = f.name().equals("hasFitNote") ? (now == null ? null : "yes".equals(now)) : now;
            jdbc.sql("UPDATE referral SET " + f.column() + " = ? WHERE id = ?").params(value, referral.id()).update();
            audit.recordChange("CORRECT", "referral", referral.id(), referral.routedOrganisationId(), cut(f.label()
                    + ": " + shown(old) + " → " + shown(now) + ". Reason: " + reason.strip()));
            changed.add(f.label());
        }
        if (changed.isEmpty()) {
            return changed;
        }
        if (changed.contains("Postcode")) {
            // The match key finds possible duplicates by name, date of birth and postcode.
            jdbc.sql("UPDATE referral SET match_key = ? WHERE id = ?").params(MatchKey.of(referral.firstName(),
                    referral.lastName(), referral.dateOfBirth(), after.get("postcode")), referral.id()).update();
        }
        jdbc.sql("UPDATE referral SET version = version + 1 WHERE id = ?").param(referral.id()).update();
        jdbc.sql("INSERT INTO referral_event (referral_id, occurred_at, actor_id, kind, detail) VALUES (?, ?, ?, ?, ?)")
                .params(referral.id(), Timestamp.from(clock.instant()), user.id(), "CORRECTED",
                        cut("Corrected " + String.join(", ", changed).toLowerCase(java.util.Locale.UK) + ": "
                                + reason.strip()))
                .update();
        return changed;
    }

    private static String tidy(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        return switch (field) {
            case "postcode" -> ReferralRules.normalisePostcode(v);
            case "phone" -> ReferralRules.normalisePhone(v);
            default -> v;
        };
    }

    private static void coded(List<ReferralRules.Problem> problems, Map<String, String> answers, String field,
            Set<String> codes, String message) {
        String value = answers.get(field);
        if (value != null && !value.isBlank() && !codes.contains(value.strip())) {
            problems.add(new ReferralRules.Problem(field, message));
        }
    }

    private static String shown(String value) {
        return value == null ? "(none)" : "\"" + value + "\"";
    }

    private static String cut(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 999) + "…";
    }
}
