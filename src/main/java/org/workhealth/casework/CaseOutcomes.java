package org.workhealth.casework;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;
import org.workhealth.classification.SicSection;
import org.workhealth.milestone.MilestoneType;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;
import org.workhealth.programme.SupportType;

/**
 * Outcomes on a case: job starts, retentions, education or training and volunteering, each with its
 * milestone and the evidence for it, and the sustainment checks 13 and 26 weeks after a job start.
 */
@Service
class CaseOutcomes {

    /** The employment statuses at referral that make a case an in-work (retention) case. */
    static final Set<String> IN_WORK_STATUSES = Set.of("EMPLOYED", "SELF_EMPLOYED", "OFF_SICK");

    static final String IPS_UNPAID_NOT_COUNTED = "On Individual Placement and Support programmes only paid work "
            + "counts as a job start, so this unpaid work is recorded but writes no job start milestone "
            + "and has no sustainment checks.";

    /** An outcome to record; the fields a kind does not use are null. */
    record NewOutcome(OutcomeKind kind, LocalDate occurredOn, String employer, String jobTitle, SicSection sector,
            BigDecimal hoursAWeek, JobContractType contractType, Boolean paid, String description, String evidence) {
    }

    /** @param notCountedReason why no milestone was written, or null when one was */
    record Recorded(long outcomeId, Long milestoneId, String notCountedReason) {
    }

    record Outcome(long id, OutcomeKind kind, LocalDate occurredOn, String employer, String jobTitle,
            SicSection sector, BigDecimal hoursAWeek, JobContractType contractType, Boolean paid, String description,
            String evidence, Long milestoneId) {
    }

    record Check(long id, long caseId, long outcomeId, int weeks, LocalDate dueOn, LocalDate checkedOn,
            Boolean stillInWork, Long milestoneId, String employer) {

        boolean done() {
            return checkedOn != null;
        }
    }

    private static final int[] CHECK_WEEKS = {13, 26};

    private final JdbcClient jdbc;
    private final CaseMilestones milestones;
    private final Programmes programmes;
    private final AuditLog audit;
    private final Clock clock;

    CaseOutcomes(JdbcClient jdbc, CaseMilestones milestones, Programmes programmes, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.milestones = milestones;
        this.programmes = programmes;
        this.audit = audit;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    boolean isIps(SupportCase supportCase) {
        return programmes.find(supportCase.programmeId()).map(Programme::supportType)
                .filter(SupportType.INTENSIVE_IPS::equals).isPresent();
    }

    static boolean inWorkAtReferral(SupportCase supportCase) {
        return IN_WORK_STATUSES.contains(supportCase.employmentStatusAtReferral());
    }

    /**
     * Records the outcome and writes its milestone, except for unpaid work on an IPS programme, which
     * IPS fidelity does not count as a job start. A counted job start schedules its sustainment checks.
     *
     * @throws IllegalArgumentException for a job retention on a case that was not in work at referral
     */
    @Transactional
    Recorded record(CurrentUser user, SupportCase supportCase, NewOutcome outcome) {
        if (outcome.kind() == OutcomeKind.JOB_RETENTION && !inWorkAtReferral(supportCase)) {
            throw new IllegalArgumentException("Job retention is only for people in work at referral");
        }
        String notCounted = counted(supportCase, outcome) ? null : IPS_UNPAID_NOT_COUNTED;
        Long milestoneId = notCounted != null ? null
                : milestones.record(supportCase, outcome.kind().milestone(), outcome.occurredOn(),
                        attributes(supportCase, outcome), user.id());
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO case_outcome (case_id, kind, occurred_on, employer, job_title, sector, hours_a_week,
                                          contract_type, paid, description, evidence, milestone_id, recorded_at,
                                          recorded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(supportCase.id(), outcome.kind().name(), Date.valueOf(outcome.occurredOn()),
                        outcome.employer(), outcome.jobTitle(),
                        outcome.sector() == null ? null : outcome.sector().name(), outcome.hoursAWeek(),
                        outcome.contractType() == null ? null : outcome.contractType().name(), outcome.paid(),
                        outcome.description(), outcome.evidence(), milestoneId, Timestamp.from(clock.instant()),
                        user.id())
                .update(key, "id");
        long outcomeId = key.getKeyAs(Long.class);
        if (outcome.kind() == OutcomeKind.JOB_START && milestoneId != null) {
            scheduleChecks(supportCase.id(), outcomeId, outcome.occurredOn());
        }
        audit.recordChange("CREATE", "case_outcome", outcomeId, supportCase.organisationId(),
                outcome.kind().name() + " on case " + supportCase.id()
                        + (notCounted != null ? " (unpaid work on an IPS programme: no milestone)" : ""));
        return new Recorded(outcomeId, milestoneId, notCounted);
    }

    /**
     * Records a sustainment check. A person still in work writes the 13- or 26-week milestone, dated
     * the day the check fell due, since that is when the job had lasted the weeks. A check is recorded once.
     *
     * @return false when the check had already been recorded
     */
    @Transactional
    boolean recordCheck(CurrentUser user, SupportCase supportCase, Check check, LocalDate checkedOn,
            boolean stillInWork) {
        // Claim the check first, so that two people recording it at once write one milestone.
        int claimed = jdbc.sql("""
                UPDATE sustainment_check SET checked_on = ?, still_in_work = ?, checked_by = ?
                WHERE id = ? AND case_id = ? AND checked_on IS NULL
                """).params(Date.valueOf(checkedOn), stillInWork, user.id(), check.id(), supportCase.id()).update();
        if (claimed == 0) {
            return false;
        }
        if (stillInWork) {
            Map<String, String> attributes = new LinkedHashMap<>();
            put(attributes, "weeks", String.valueOf(check.weeks()));
            put(attributes, "employer", check.employer());
            put(attributes, "checked_on", checkedOn.toString());
            outcome(supportCase.id(), check.outcomeId()).map(Outcome::milestoneId)
                    .ifPresent(id -> put(attributes, "job_start_milestone_id", String.valueOf(id)));
            long milestoneId = milestones.record(supportCase, check.weeks() == 13
                    ? MilestoneType.SUSTAINMENT_13_WEEKS : MilestoneType.SUSTAINMENT_26_WEEKS, check.dueOn(),
                    attributes, user.id());
            jdbc.sql("UPDATE sustainment_check SET milestone_id = ? WHERE id = ?").params(milestoneId, check.id())
                    .update();
        }
        audit.recordChange("SUSTAINMENT_CHECK", "sustainment_check", check.id(), supportCase.organisationId(),
                check.weeks() + "-week check on case " + supportCase.id() + ": "
                        + (stillInWork ? "still in work" : "no longer in work"));
        return true;
    }

    /** The 13- and 26-week checks of a job start that began on {@code startedOn}. */
    void scheduleChecks(long caseId, long outcomeId, LocalDate startedOn) {
        for (int weeks : CHECK_WEEKS) {
            jdbc.sql("INSERT INTO sustainment_check (case_id, outcome_id, weeks, due_on) VALUES (?, ?, ?, ?)")
                    .params(caseId, outcomeId, weeks, Date.valueOf(startedOn.plusWeeks(weeks))).update();
        }
    }

    /** Whether the outcome writes a milestone: on IPS programmes unpaid work is not a job start. */
    boolean counted(SupportCase supportCase, NewOutcome outcome) {
        return !(outcome.kind() == OutcomeKind.JOB_START && Boolean.FALSE.equals(outcome.paid())
                && isIps(supportCase));
    }

    List<Outcome> outcomes(long caseId) {
        return jdbc.sql("""
                SELECT id, kind, occurred_on, employer, job_title, sector, hours_a_week, contract_type, paid,
                       description, evidence, milestone_id
                FROM case_outcome WHERE case_id = ? ORDER BY occurred_on, id
                """).param(caseId).query(CaseOutcomes::mapOutcome).list();
    }

    Optional<Outcome> outcome(long caseId, long outcomeId) {
        return outcomes(caseId).stream().filter(o -> o.id() == outcomeId).findFirst();
    }

    List<Check> checks(long caseId) {
        return jdbc.sql("""
                SELECT s.id, s.case_id, s.outcome_id, s.weeks, s.due_on, s.checked_on, s.still_in_work,
                       s.milestone_id, o.employer
                FROM sustainment_check s JOIN case_outcome o ON o.id = s.outcome_id
                WHERE s.case_id = ? ORDER BY s.due_on, s.id
                """).param(caseId).query(CaseOutcomes::mapCheck).list();
    }

    /** The check, only when it belongs to the case (ids from a URL are never trusted on their own). */
    Optional<Check> check(long caseId, long checkId) {
        return checks(caseId).stream().filter(c -> c.id() == checkId).findFirst();
    }

    static Map<String, String> attributes(SupportCase supportCase, NewOutcome o) {
        Map<String, String> attributes = new LinkedHashMap<>();
        put(attributes, "in_work_at_referral", String.valueOf(inWorkAtReferral(supportCase)));
        switch (o.kind()) {
            case JOB_START -> {
                put(attributes, "paid", String.valueOf(Boolean.TRUE.equals(o.paid())));
                put(attributes, "sector", o.sector() == null ? null : o.sector().name());
                put(attributes, "contract_type", o.contractType() == null ? null : o.contractType().name());
                put(attributes, "hours_a_week", o.hoursAWeek() == null ? null : o.hoursAWeek().toPlainString());
                put(attributes, "employer", o.employer());
                put(attributes, "job_title", o.jobTitle());
            }
            case JOB_RETENTION -> put(attributes, "in_work_on", o.occurredOn().toString());
            default -> put(attributes, "description", o.description());
        }
        put(attributes, "evidence", o.evidence());
        return attributes;
    }

    /** Kept as written: an attribute is a row of its own, so any text its form allows fits. */
    private static void put(Map<String, String> attributes, String key, String value) {
        if (value != null && !value.isBlank()) {
            attributes.put(key, value.strip());
        }
    }

    private static Outcome mapOutcome(ResultSet rs, int row) throws SQLException {
        String sector = rs.getString("sector");
        String contractType = rs.getString("contract_type");
        boolean paid = rs.getBoolean("paid");
        Boolean paidOrNull = rs.wasNull() ? null : paid;
        long milestone = rs.getLong("milestone_id");
        Long milestoneId = rs.wasNull() ? null : milestone;
        return new Outcome(rs.getLong("id"), OutcomeKind.valueOf(rs.getString("kind")),
                rs.getDate("occurred_on").toLocalDate(), rs.getString("employer"), rs.getString("job_title"),
                sector == null ? null : SicSection.valueOf(sector), rs.getBigDecimal("hours_a_week"),
                contractType == null ? null : JobContractType.valueOf(contractType), paidOrNull,
                rs.getString("description"), rs.getString("evidence"), milestoneId);
    }

    private static Check mapCheck(ResultSet rs, int row) throws SQLException {
        Date checked = rs.getDate("checked_on");
        boolean still = rs.getBoolean("still_in_work");
        Boolean stillInWork = rs.wasNull() ? null : still;
        long milestone = rs.getLong("milestone_id");
        Long milestoneId = rs.wasNull() ? null : milestone;
        return new Check(rs.getLong("id"), rs.getLong("case_id"), rs.getLong("outcome_id"), rs.getInt("weeks"),
                rs.getDate("due_on").toLocalDate(), checked == null ? null : checked.toLocalDate(), stillInWork,
                milestoneId, rs.getString("employer"));
    }
}
