package org.workhealth.casework;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;

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
    private final CaseSubjectNames subjects;
    private final Programmes programmes;

    PractitionerHome(JdbcClient jdbc, CaseSubjectNames subjects, Programmes programmes) {
        this.jdbc = jdbc;
        this.subjects = subjects;
        this.programmes = programmes;
    }

    /** Open cases the practitioner is key worker for, oldest first (those have waited longest). */
    List<MyCase> openCases(long keyWorkerId, Set<Long> scope) {
        Map<Long, String> programmeNames = programmes.all().stream()
                .collect(Collectors.toMap(Programme::id, Programme::name));
        return named(jdbc.sql("""
                SELECT sc.id, sc.reference, sc.referral_id, sc.programme_id, sc.opened_on
                FROM support_case sc
                WHERE sc.key_worker_id = :me AND sc.status = 'OPEN' AND sc.organisation_id IN (:scope)
                ORDER BY sc.opened_on, sc.reference
                """).param("me", keyWorkerId).param("scope", scope)
                .query((rs, n) -> {
                    long id = rs.getLong("id");
                    String reference = rs.getString("reference");
                    String programme = programmeNames.get(rs.getLong("programme_id"));
                    LocalDate openedOn = rs.getDate("opened_on").toLocalDate();
                    return new Unnamed<>(rs.getLong("referral_id"),
                            name -> new MyCase(id, reference, name, programme, openedOn));
                })
                .list());
    }

    /** Planned appointments from the start of today for the next {@link #DAYS_AHEAD} days, soonest first. */
    List<Appointment> appointments(long keyWorkerId, Set<Long> scope, LocalDate today) {
        return named(jdbc.sql("""
                SELECT a.case_id, sc.reference, sc.referral_id, a.starts_at, a.channel, a.place
                FROM appointment a
                JOIN support_case sc ON sc.id = a.case_id
                WHERE sc.key_worker_id = :me AND sc.status = 'OPEN' AND sc.organisation_id IN (:scope)
                  AND a.status = 'PLANNED' AND a.starts_at >= :from AND a.starts_at < :until
                ORDER BY a.starts_at, sc.reference
                """).param("me", keyWorkerId).param("scope", scope)
                .param("from", Timestamp.valueOf(today.atStartOfDay()))
                .param("until", Timestamp.valueOf(today.plusDays(DAYS_AHEAD + 1L).atStartOfDay()))
                .query((rs, n) -> {
                    long caseId = rs.getLong("case_id");
                    String reference = rs.getString("reference");
                    LocalDateTime startsAt = rs.getTimestamp("starts_at").toLocalDateTime();
                    String channel = rs.getString("channel");
                    String place = rs.getString("place");
                    return new Unnamed<>(rs.getLong("referral_id"),
                            name -> new Appointment(caseId, reference, name, startsAt, channel, place));
                })
                .list());
    }

    /**
     * Open cases whose next review was due before today. The rule is the action plan's: due after
     * the latest review, or after the first agreement when there has been none. The grouped
     * subqueries read only the practitioner's open cases: grouping every case's reviews and plans
     * first took 140-350 ms with a million cases (bench/casework.sh); this takes about 1 ms.
     */
    List<Due> overdueReviews(long keyWorkerId, Set<Long> scope, LocalDate today) {
        return named(jdbc.sql("""
                SELECT sc.id, sc.reference, sc.referral_id, COALESCE(rv.next_due, ap.next_due) AS due_on
                FROM support_case sc
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
                .query((rs, n) -> due(rs, "Review"))
                .list());
    }

    /** Actions not done whose due date has passed, on the latest version of each open case's plan. */
    List<Due> overdueActions(long keyWorkerId, Set<Long> scope, LocalDate today) {
        return named(jdbc.sql("""
                SELECT sc.id, sc.reference, sc.referral_id, pa.due_on, pa.description
                FROM support_case sc
                JOIN action_plan ap ON ap.case_id = sc.id
                JOIN plan_action pa ON pa.plan_id = ap.id
                WHERE sc.key_worker_id = :me AND sc.status = 'OPEN' AND sc.organisation_id IN (:scope)
                  AND ap.version = (SELECT MAX(latest.version) FROM action_plan latest WHERE latest.case_id = sc.id)
                  AND pa.status <> 'DONE' AND pa.due_on < :today
                ORDER BY pa.due_on, sc.reference, pa.position
                """).param("me", keyWorkerId).param("scope", scope).param("today", Date.valueOf(today))
                .query((rs, n) -> due(rs, rs.getString("description")))
                .list());
    }

    /**
     * Sustainment checks not yet done that are due within {@link #DAYS_AHEAD} days or overdue. Closed
     * cases count too: people often leave support once in work, and the checks still fall due.
     */
    List<Due> sustainmentChecksDue(long keyWorkerId, Set<Long> scope, LocalDate today) {
        return named(jdbc.sql("""
                SELECT sc.id, sc.reference, sc.referral_id, s.due_on, s.weeks
                FROM sustainment_check s
                JOIN support_case sc ON sc.id = s.case_id
                WHERE sc.key_worker_id = :me AND sc.organisation_id IN (:scope)
                  AND s.checked_on IS NULL AND s.due_on <= :until
                ORDER BY s.due_on, sc.reference
                """).param("me", keyWorkerId).param("scope", scope)
                .param("until", Date.valueOf(today.plusDays(DAYS_AHEAD)))
                .query((rs, n) -> due(rs, rs.getInt("weeks") + "-week check"))
                .list());
    }

    /** One row of a "due" panel: the case, its due date and what is due, waiting for the person's name. */
    private static Unnamed<Due> due(ResultSet rs, String what) throws SQLException {
        long id = rs.getLong("id");
        String reference = rs.getString("reference");
        LocalDate dueOn = rs.getDate("due_on").toLocalDate();
        return new Unnamed<>(rs.getLong("referral_id"), name -> new Due(id, reference, name, dueOn, what));
    }

    /** Names a panel's people in one look-up: their names are the referral module's. */
    private <T> List<T> named(List<Unnamed<T>> rows) {
        return rows.isEmpty() ? List.of() : Unnamed.name(rows, subjects.fullNames(Unnamed.ids(rows)));
    }
}
