package org.workhealth.retention;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.workhealth.audit.AuditLog;
import org.workhealth.organisation.CurrentUser;

/**
 * Erases what the retention schedule says is due: nightly (cron {@code workhealth.retention.cron}), or when a
 * national administrator starts it. Each owning module's {@link RetentionStep} does its own erasing.
 */
@Service
class RetentionJob {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

    private final RetentionSchedule schedule;
    private final RetentionRuns runs;
    private final List<RetentionStep> steps;
    private final AuditLog audit;
    private final Clock clock;

    RetentionJob(RetentionSchedule schedule, RetentionRuns runs, List<RetentionStep> steps, AuditLog audit,
            Clock clock) {
        this.schedule = schedule;
        this.runs = runs;
        this.steps = steps;
        this.audit = audit;
        this.clock = clock;
    }

    void nightly() {
        run(RetentionRun.Trigger.SCHEDULED, null, clock.instant());
    }

    /**
     * Runs every step against the schedule as it stands at {@code now} and writes the run's report.
     *
     * @param user who started it by hand; null for the nightly run
     * @return the run's id
     */
    long run(RetentionRun.Trigger trigger, CurrentUser user, Instant now) {
        long runId = runs.start(trigger, clock.instant(), user == null ? null : user.id(),
                user == null ? null : user.organisationId(), null, null);
        StringBuilder detail = new StringBuilder();
        for (RetentionStep step : steps.stream().sorted(java.util.Comparator.comparing(RetentionStep::kind))
                .toList()) {
            Instant cutoff = schedule.period(step.kind()).cutoff(now);
            try {
                RetentionStep.Erased erased = step.eraseDue(cutoff);
                runs.count(runId, step.kind(), cutoff, erased);
                detail.append(step.kind().label()).append(": ").append(erased.erased()).append(" erased, ")
                        .append(erased.heldBack()).append(" held back. ");
            } catch (RuntimeException e) {
                // One kind failing must not stop the others; its batches so far stay erased, and the report
                // shows it was not finished.
                LOG.error("Retention step {} failed in run {}", step.kind(), runId, e);
                detail.append(step.kind().label()).append(": failed. ");
            }
        }
        runs.finish(runId, clock.instant());
        audit.recordChange("ERASE", "retention-run", runId, user == null ? null : user.organisationId(),
                detail.toString().strip());
        return runId;
    }
}
