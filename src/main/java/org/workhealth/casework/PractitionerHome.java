package org.workhealth.casework;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a practitioner works on today. Each panel is one query over the signed-in practitioner's
 * cases, limited to the organisations they may see, so that the page costs the same however many
 * cases they hold.
 */
@Component
class PractitionerHome {

    /** One of the practitioner's open cases. */
    record MyCase(long id, String reference, String fullName, String programme, LocalDate openedOn) {
    }

    /** A planned appointment on one of their open cases; startsAt is London wall-clock time. */
    record Appointment(long caseId, String reference, String fullName, LocalDateTime startsAt, String channel,
            String place) {
    }

    /** Something on one of their cases that fell due before today (a review or a plan action), or soon will. */
    record Due(long caseId, String reference, String fullName, LocalDate dueOn, String what) {
    }

    /** How far ahead the home page looks for appointments and sustainment checks. */
    static final int DAYS_AHEAD = 28;

    private final JdbcClient jdbc;

    PractitionerHome(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Open cases the practitioner is key worker for, oldest first (those have waited longest). */
    List<MyCase> openCases(long keyWorkerId, Set<Long> scope) {
        return jdbc.sql("""
                SELECT sc.id, sc.reference, r.first_name, r.last_name, p.name AS programme_name, sc.opened_on
                FROM support_case sc
                JOIN referral r ON r.id = sc.referral_id
                JOIN programme p ON p.id = sc.programme_id
                WHERE sc.key_worker_id = :me AND sc.status = 'OPEN' AND sc.organisation_id IN (:scope)
                ORDER BY sc.opened_on, sc.reference
                """).param("me", keyWorkerId).param("scope", scope)
                .query((rs, n) -> new MyCase(rs.getLong("id"), rs.getString("reference"),
                        rs.getString("first_name") + " " + rs.getString("last_name"),
                        rs.getString("programme_name"), rs.getDate("opened_on").toLocalDate()))
                .list();
    }

    /** Planned appointments from the start of today for the next {@link #DAYS_AHEAD} days, soonest first. */
    List<Appointment> appointments(long keyWorkerId, Set<Long> scope, LocalDate today) {
        return jdbc.sql("""
                SELECT a.case_id, sc.reference, r.first_name, r.last_name, a.starts_at, a.channel, a.place
                FROM appointment a
                JOIN support_case sc ON sc.id = a.case_id
                JOIN referral r ON r.id = sc.referral_id
                WHERE sc.key_worker_id = :me AND sc.status = 'OPEN' AND sc.organisation_id IN (:scope)
                  AND a.status = 'PLANNED' AND a.starts_at >= :from AND a.starts_at < :until
                ORDER BY a.starts_at, sc.reference
                """).param("me", keyWorkerId).param("scope", scope)
                .param("from", Timestamp.valueOf(today.atStartOfDay()))
                .param("until", Timestamp.valueOf(today.plusDays(DAYS_AHEAD + 1L).atStartOfDay()))
                .query((rs, n) -> new Appointment(rs.getLong("case_id"), rs.getString("reference"),
                        rs.getString("first_name") + " " + rs.getString("last_name"),
                        rs.getTimestamp("starts_at").toLocalDateTime(), rs.getString("channel"),
                        rs.getString("place")))
                .list();
    }

    /**
     * Open cases whose next review was due before today. The rule is the action plan's: due after
     * the latest review, or after the first agreement when there has been none. The grouped
     * subqueries read only the practitioner's open cases: grouping every case's reviews and plans
     * first took 140-350 ms with a million cases (bench/casework.sh); this takes about 1 ms.
     */
    List<Due> overdueReviews(long keyWorkerId, Set<Long> scope, LocalDate today) {
        return jdbc.sql("""
                SELECT sc.id, sc.reference, r.first_name, r.last_name, COALESCE(rv.next_due, ap.next_due) AS due_on
                FROM support_case sc
                JOIN referral r ON r.id = sc.referral_id
                LEFT JOIN (SELECT case_id, MAX(next_review_on) AS next_due FROM case_review
                           WHERE case_id IN (SELECT id FROM support_case WHERE key_worker_id = :me AND status = 'OPEN')
                           GROUP BY case_id) rv
                       ON rv.case_id = sc.id
                LEFT JOIN (SELECT case_id, MIN(review_due_on) AS next_due FROM action_plan
                           WHERE status = 'AGREED'
                             AND case_id IN (SELECT id FROM support_case WHERE key_worker_id = :me AND status = 'OPEN')
                           GROUP BY case_id) ap
                       ON ap.case_id = sc.id
                WHERE sc.key_worker_id = :me AND sc.status = 'OPEN' AND sc.organisation_id IN (:scope)
                  AND COALESCE(rv.next_due, ap.next_due) < :today
                ORDER BY due_on, sc.reference
                """).param("me", keyWorkerId).param("scope", scope).param("today", Date.valueOf(today))
                .query((rs, n) -> new Due(rs.getLong("id"), rs.getString("reference"),
                        rs.getString("first_name") + " " + rs.getString("last_name"),
                        rs.getDate("due_on").toLocalDate(), "Review"))
                .list();
    }

    /** Actions not done whose due date has passed, on the latest version of each open case's plan. */
    List<Due> overdueActions(long keyWorkerId, Set<Long> scope, LocalDate today) {
        return jdbc.sql("""
                SELECT sc.id, sc.reference, r.first_name, r.last_name, pa.due_on, pa.description
                FROM support_case sc
                JOIN referral r ON r.id = sc.referral_id
                JOIN action_plan ap ON ap.case_id = sc.id
                JOIN plan_action pa ON pa.plan_id = ap.id
                WHERE sc.key_worker_id = :me AND sc.status = 'OPEN' AND sc.organisation_id IN (:scope)
                  AND ap.version = (SELECT MAX(latest.version) FROM action_plan latest WHERE latest.case_id = sc.id)
                  AND pa.status <> 'DONE' AND pa.due_on < :today
                ORDER BY pa.due_on, sc.reference, pa.position
                """).param("me", keyWorkerId).param("scope", scope).param("today", Date.valueOf(today))
                .query((rs, n) -> new Due(rs.getLong("id"), rs.getString("reference"),
                        rs.getString("first_name") + " " + rs.getString("last_name"),
                        rs.getDate("due_on").toLocalDate(), rs.getString("description")))
                .list();
    }

    /**
     * Sustainment checks not yet done that are due within {@link #DAYS_AHEAD} days or overdue. Closed
     * cases count too: people often leave support once in work, and the checks still fall due.
     */
    List<Due> sustainmentChecksDue(long keyWorkerId, Set<Long> scope, LocalDate today) {
        return jdbc.sql("""
                SELECT sc.id, sc.reference, r.first_name, r.last_name, s.due_on, s.weeks
                FROM sustainment_check s
                JOIN support_case sc ON sc.id = s.case_id
                JOIN referral r ON r.id = sc.referral_id
                WHERE sc.key_worker_id = :me AND sc.organisation_id IN (:scope)
                  AND s.checked_on IS NULL AND s.due_on <= :until
                ORDER BY s.due_on, sc.reference
                """).param("me", keyWorkerId).param("scope", scope)
                .param("until", Date.valueOf(today.plusDays(DAYS_AHEAD)))
                .query((rs, n) -> new Due(rs.getLong("id"), rs.getString("reference"),
                        rs.getString("first_name") + " " + rs.getString("last_name"),
                        rs.getDate("due_on").toLocalDate(), rs.getInt("weeks") + "-week check"))
                .list();
    }
}
