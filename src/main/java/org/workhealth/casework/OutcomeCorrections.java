package org.workhealth.casework;

import java.math.BigDecimal;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;
import org.workhealth.govuk.DateAnswer;
import org.workhealth.milestone.Milestone;
import org.workhealth.milestone.Milestones;
import org.workhealth.organisation.CurrentUser;

/**
 * Putting a recorded outcome right: its kind, date, employer and job details. The outcome row takes the new
 * answers; its milestone is superseded by one with the new type, date and attributes (or withdrawn, or first
 * written, when the correction changes whether it counts), so the old one stays on the timeline; and the
 * sustainment checks of a job start follow its date. Each changed answer is audited with its old and new value.
 */
@Service
class OutcomeCorrections {

    /** One answer that changed, as a person reads it. */
    record Change(String label, String before, String after) {

        String text() {
            return label + ": " + before + " → " + after;
        }
    }

    private record Question(String label, Function<CaseOutcomes.NewOutcome, String> shown) {
    }

    private static final List<Question> QUESTIONS = List.of(
            new Question("Outcome", o -> o.kind().label()),
            new Question("Date", o -> DateAnswer.format(o.occurredOn())),
            new Question("Employer", CaseOutcomes.NewOutcome::employer),
            new Question("Job title", CaseOutcomes.NewOutcome::jobTitle),
            new Question("Sector", o -> o.sector() == null ? null : o.sector().text()),
            new Question("Hours a week", o -> hours(o.hoursAWeek())),
            new Question("Type of contract", o -> o.contractType() == null ? null : o.contractType().label()),
            new Question("Paid", o -> o.paid() == null ? null : o.paid() ? "Yes" : "No"),
            new Question("Description", CaseOutcomes.NewOutcome::description),
            new Question("Evidence", CaseOutcomes.NewOutcome::evidence));

    private static final int AUDIT_DETAIL_MAX = 1000;

    private final JdbcClient jdbc;
    private final CaseOutcomes outcomes;
    private final CaseMilestones caseMilestones;
    private final Milestones milestones;
    private final AuditLog audit;

    OutcomeCorrections(JdbcClient jdbc, CaseOutcomes outcomes, CaseMilestones caseMilestones, Milestones milestones,
            AuditLog audit) {
        this.jdbc = jdbc;
        this.outcomes = outcomes;
        this.caseMilestones = caseMilestones;
        this.milestones = milestones;
        this.audit = audit;
    }

    /** The outcome, when it belongs to the case and has not been withdrawn; otherwise empty. */
    Optional<CaseOutcomes.Outcome> correctable(SupportCase supportCase, long outcomeId) {
        List<Milestone> history = milestones.history(supportCase.id());
        return outcomes.outcome(supportCase.id(), outcomeId)
                .filter(o -> o.milestoneId() == null || latest(o.milestoneId(), history).isPresent());
    }

    /** The outcome whose milestone this is now, if the milestone was written by recording an outcome. */
    Optional<CaseOutcomes.Outcome> ofMilestone(long caseId, long milestoneId) {
        List<Milestone> history = milestones.history(caseId);
        return outcomes.outcomes(caseId).stream().filter(o -> o.milestoneId() != null)
                .filter(o -> latest(o.milestoneId(), history).map(Milestone::id).filter(id -> id == milestoneId)
                        .isPresent())
                .findFirst();
    }

    /** The case's outcomes whose milestone has been withdrawn, in one query. */
    Set<Long> withdrawn(long caseId) {
        List<Milestone> history = milestones.history(caseId);
        return outcomes.outcomes(caseId).stream()
                .filter(o -> o.milestoneId() != null && latest(o.milestoneId(), history).isEmpty())
                .map(CaseOutcomes.Outcome::id).collect(Collectors.toSet());
    }

    /**
     * A milestone as it stands now: the last of the corrections that followed it, or empty when that withdrew it.
     * An outcome keeps its milestone's id up to date, but one corrected before it did may point earlier in the chain.
     */
    private static Optional<Milestone> latest(long milestoneId, List<Milestone> history) {
        Map<Long, Milestone> byId = history.stream().collect(Collectors.toMap(Milestone::id, m -> m));
        Map<Long, Milestone> next = history.stream().filter(m -> m.supersedesId() != null)
                .collect(Collectors.toMap(Milestone::supersedesId, m -> m));
        Milestone m = byId.get(milestoneId);
        while (m != null && next.containsKey(m.id())) {
            m = next.get(m.id());
        }
        return m == null || m.withdrawn() ? Optional.empty() : Optional.of(m);
    }

    static List<Change> changes(CaseOutcomes.Outcome before, CaseOutcomes.NewOutcome after) {
        CaseOutcomes.NewOutcome old = asNew(before);
        List<Change> changes = new ArrayList<>();
        for (Question q : QUESTIONS) {
            String was = q.shown().apply(old);
            String now = q.shown().apply(after);
            if (!Objects.equals(was, now)) {
                changes.add(new Change(q.label(), was == null ? "none" : was, now == null ? "none" : now));
            }
        }
        return changes;
    }

    /**
     * Writes the corrected answers. Nothing is written when nothing changed.
     *
     * @return what changed
     * @throws org.workhealth.milestone.PeriodLockedException when the old or new date, or a moved check's, is in a
     *     locked period: nothing is saved
     */
    @Transactional
    List<Change> correct(CurrentUser user, SupportCase supportCase, CaseOutcomes.Outcome before,
            CaseOutcomes.NewOutcome after, String reason) {
        List<Change> changes = changes(before, after);
        if (changes.isEmpty()) {
            return changes;
        }
        Long milestoneId = milestone(user, supportCase, before, after, reason);
        jdbc.sql("""
                UPDATE case_outcome SET kind = ?, occurred_on = ?, employer = ?, job_title = ?, sector = ?,
                       hours_a_week = ?, contract_type = ?, paid = ?, description = ?, evidence = ?, milestone_id = ?
                WHERE id = ? AND case_id = ?
                """)
                .params(after.kind().name(), Date.valueOf(after.occurredOn()), after.employer(), after.jobTitle(),
                        after.sector() == null ? null : after.sector().name(), after.hoursAWeek(),
                        after.contractType() == null ? null : after.contractType().name(), after.paid(),
                        after.description(), after.evidence(), milestoneId, before.id(), supportCase.id())
                .update();
        if (after.kind() == OutcomeKind.JOB_START && milestoneId != null) {
            checks(user, supportCase, before.id(), after, reason);
        } else {
            dropChecks(user, supportCase, before.id(), reason);
        }
        for (Change change : changes) {
            String detail = change.text() + ". Reason: " + reason;
            audit.recordChange("CORRECT", "case_outcome", before.id(), supportCase.organisationId(),
                    detail.length() > AUDIT_DETAIL_MAX ? detail.substring(0, AUDIT_DETAIL_MAX) : detail);
        }
        return changes;
    }

    /** Withdraws the outcome's milestone, recorded in error, and the checks that hang off it. */
    @Transactional
    void withdraw(CurrentUser user, SupportCase supportCase, CaseOutcomes.Outcome outcome, Milestone milestone,
            String reason) {
        caseMilestones.withdraw(milestone, reason, user.id());
        dropChecks(user, supportCase, outcome.id(), reason);
    }

    /** The outcome's milestone after the correction: superseded, withdrawn, first written, or still none. */
    private Long milestone(CurrentUser user, SupportCase supportCase, CaseOutcomes.Outcome before,
            CaseOutcomes.NewOutcome after, String reason) {
        boolean counted = outcomes.counted(supportCase, after);
        Milestone old = before.milestoneId() == null ? null
                : latest(before.milestoneId(), milestones.history(supportCase.id()))
                        .orElseThrow(() -> new IllegalStateException("Outcome " + before.id() + " was withdrawn"));
        if (old != null && counted) {
            return caseMilestones.correct(supportCase, old, after.kind().milestone(), after.occurredOn(),
                    CaseOutcomes.attributes(supportCase, after), reason, user.id());
        }
        if (old != null) {
            caseMilestones.withdraw(old, reason, user.id());
            return null;
        }
        return counted ? caseMilestones.record(supportCase, after.kind().milestone(), after.occurredOn(),
                CaseOutcomes.attributes(supportCase, after), user.id()) : null;
    }

    /**
     * A job start's checks fall due 13 and 26 weeks after its date, so they follow it. A check recorded before
     * its new due date no longer shows the job lasted: its milestone is withdrawn and the check is due again.
     * A check recorded in time keeps its result and its milestone moves to the new due date.
     */
    private void checks(CurrentUser user, SupportCase supportCase, long outcomeId, CaseOutcomes.NewOutcome job,
            String reason) {
        List<CaseOutcomes.Check> checks = checksOf(supportCase, outcomeId);
        if (checks.isEmpty()) {
            outcomes.scheduleChecks(supportCase.id(), outcomeId, job.occurredOn());
            return;
        }
        for (CaseOutcomes.Check check : checks) {
            java.time.LocalDate due = job.occurredOn().plusWeeks(check.weeks());
            if (due.equals(check.dueOn())) {
                continue;
            }
            Optional<Milestone> written = current(check.milestoneId());
            if (check.done() && check.checkedOn().isBefore(due)) {
                written.ifPresent(m -> caseMilestones.withdraw(m, reason, user.id()));
                jdbc.sql("""
                        UPDATE sustainment_check SET due_on = ?, checked_on = NULL, still_in_work = NULL,
                               checked_by = NULL, milestone_id = NULL
                        WHERE id = ?
                        """).params(Date.valueOf(due), check.id()).update();
            } else {
                Long moved = written.map(m -> caseMilestones.correctDate(supportCase, m, due, reason, user.id()))
                        .orElse(check.milestoneId());
                jdbc.sql("UPDATE sustainment_check SET due_on = ?, milestone_id = ? WHERE id = ?")
                        .params(Date.valueOf(due), moved, check.id()).update();
            }
            audit.recordChange("CORRECT", "sustainment_check", check.id(), supportCase.organisationId(),
                    check.weeks() + "-week check due " + DateAnswer.format(check.dueOn()) + " → "
                            + DateAnswer.format(due) + ", following the job start");
        }
    }

    /** No longer a counted job start: its checks go, and the sustainment milestones they wrote are withdrawn. */
    private void dropChecks(CurrentUser user, SupportCase supportCase, long outcomeId, String reason) {
        List<CaseOutcomes.Check> checks = checksOf(supportCase, outcomeId);
        for (CaseOutcomes.Check check : checks) {
            current(check.milestoneId()).ifPresent(m -> caseMilestones.withdraw(m, reason, user.id()));
            jdbc.sql("DELETE FROM sustainment_check WHERE id = ?").param(check.id()).update();
            audit.recordChange("DELETE", "sustainment_check", check.id(), supportCase.organisationId(),
                    check.weeks() + "-week check due " + DateAnswer.format(check.dueOn())
                            + " removed: no longer a counted job start. Reason: " + reason);
        }
    }

    private List<CaseOutcomes.Check> checksOf(SupportCase supportCase, long outcomeId) {
        return outcomes.checks(supportCase.id()).stream().filter(c -> c.outcomeId() == outcomeId).toList();
    }

    private Optional<Milestone> current(Long milestoneId) {
        return milestoneId == null ? Optional.empty()
                : milestones.find(milestoneId).filter(m -> milestones.isCurrent(m.id()));
    }

    private static CaseOutcomes.NewOutcome asNew(CaseOutcomes.Outcome o) {
        return new CaseOutcomes.NewOutcome(o.kind(), o.occurredOn(), o.employer(), o.jobTitle(), o.sector(),
                o.hoursAWeek(), o.contractType(), o.paid(), o.description(), o.evidence());
    }

    private static String hours(BigDecimal hours) {
        return hours == null ? null : hours.stripTrailingZeros().toPlainString();
    }
}
