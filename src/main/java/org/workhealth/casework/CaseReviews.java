package org.workhealth.casework;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;
import org.workhealth.organisation.CurrentUser;

/**
 * Reviews of a case's progress, which its agreed action plan schedules: recording them, when the next falls due and
 * which open cases are overdue one.
 */
@Service
class CaseReviews {

    record Review(LocalDate reviewedOn, String notes, Boolean stillInWork, LocalDate nextReviewOn,
            String recordedBy) {
    }

    record OverdueReview(long caseId, String reference, String keyWorker, LocalDate dueOn) {
    }

    private final JdbcClient jdbc;
    private final ActionPlans plans;
    private final AuditLog audit;
    private final Clock clock;
    private final StaffNames staff;

    CaseReviews(JdbcClient jdbc, ActionPlans plans, AuditLog audit, Clock clock, StaffNames staff) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.audit = audit;
        this.clock = clock;
        this.staff = staff;
    }

    /** Records a review; the next falls due after the interval set on the plan the person agreed. */
    @Transactional
    LocalDate recordReview(SupportCase supportCase, LocalDate reviewedOn, String notes, Boolean stillInWork,
            CurrentUser user) {
        plans.lock(supportCase.id());
        int weeks = plans.latestAgreed(supportCase.id()).or(() -> plans.latest(supportCase.id()))
                .map(ActionPlans.ActionPlan::reviewIntervalWeeks).orElse(ActionPlans.DEFAULT_REVIEW_WEEKS);
        LocalDate next = reviewedOn.plusWeeks(weeks);
        jdbc.sql("""
                INSERT INTO case_review (case_id, reviewed_on, notes, still_in_work, next_review_on, recorded_by,
                                         recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """).params(supportCase.id(), Date.valueOf(reviewedOn), notes, stillInWork, Date.valueOf(next),
                user.id(), Timestamp.from(clock.instant())).update();
        audit.recordChange("REVIEW", "case", supportCase.id(), supportCase.organisationId(),
                "Review on " + reviewedOn);
        return next;
    }

    List<Review> reviews(long caseId) {
        return staff.name(jdbc.sql("""
                SELECT r.reviewed_on, r.notes, r.still_in_work, r.next_review_on, r.recorded_by
                FROM case_review r
                WHERE r.case_id = ? ORDER BY r.reviewed_on DESC, r.id DESC
                """).param(caseId).query((rs, n) -> {
                    boolean inWork = rs.getBoolean(3);
                    Boolean stillInWork = rs.wasNull() ? null : inWork;
                    LocalDate reviewedOn = rs.getDate(1).toLocalDate();
                    String notes = rs.getString(2);
                    LocalDate next = rs.getDate(4).toLocalDate();
                    return new Unnamed<>(rs.getLong(5),
                            name -> new Review(reviewedOn, notes, stillInWork, next, name));
                }).list());
    }

    /**
     * When the next review is due: after the latest review, or after the first agreement when there
     * has been none; empty until a plan is agreed. The same rule as {@link #overdue}.
     */
    Optional<LocalDate> nextReviewDue(long caseId) {
        return jdbc.sql("""
                SELECT COALESCE((SELECT MAX(r.next_review_on) FROM case_review r WHERE r.case_id = :id),
                                (SELECT MIN(p.review_due_on) FROM action_plan p
                                 WHERE p.case_id = :id AND p.status = 'AGREED'))
                """).param("id", caseId).query((rs, n) -> {
                    Date due = rs.getDate(1);
                    return Optional.ofNullable(due == null ? null : due.toLocalDate());
                }).single();
    }

    /** Open cases in the given organisations whose next review was due before today, most overdue first. */
    List<OverdueReview> overdue(Set<Long> scope, LocalDate today) {
        if (scope.isEmpty()) {
            return List.of();
        }
        return staff.name(jdbc.sql("""
                SELECT c.id, c.reference, c.key_worker_id, COALESCE(r.next_due, p.next_due) AS due_on
                FROM support_case c
                LEFT JOIN (SELECT case_id, MAX(next_review_on) AS next_due FROM case_review GROUP BY case_id) r
                       ON r.case_id = c.id
                LEFT JOIN (SELECT case_id, MIN(review_due_on) AS next_due FROM action_plan
                           WHERE status = 'AGREED' GROUP BY case_id) p
                       ON p.case_id = c.id
                WHERE c.status = 'OPEN' AND c.organisation_id IN (:scope)
                  AND COALESCE(r.next_due, p.next_due) < :today
                ORDER BY due_on, c.reference
                """).param("scope", scope).param("today", Date.valueOf(today))
                .query((rs, n) -> {
                    long id = rs.getLong(1);
                    String reference = rs.getString(2);
                    LocalDate due = rs.getDate(4).toLocalDate();
                    return new Unnamed<>(rs.getLong(3), name -> new OverdueReview(id, reference, name, due));
                }).list());
    }
}
