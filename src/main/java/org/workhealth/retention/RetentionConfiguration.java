package org.workhealth.retention;

import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.workhealth.audit.AuditRetention;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

/** The nightly erasure run, and the audit log's part in it. */
@Configuration
class RetentionConfiguration {

    /**
     * Nightly at {@code workhealth.retention.cron} (02:30 UK time), as a db-scheduler task so that one node of
     * however many runs it, and another takes it over if that node stops mid-run.
     */
    @Bean
    RecurringTask<Void> nightlyRetentionRun(RetentionJob job,
            @Value("${workhealth.retention.cron:0 30 2 * * *}") String cron) {
        return Tasks.recurring("retention-nightly", Schedules.cron(cron, ZoneId.of("Europe/London")))
                .execute((instance, context) -> job.nightly());
    }

    /** The audit module cannot implement {@link RetentionStep} itself (this module records to it): adapted here. */
    @Bean
    RetentionStep auditLogRetention(AuditRetention auditRetention) {
        return RetentionStep.of(RetentionKind.AUDIT_LOG,
                cutoff -> new RetentionStep.Erased(auditRetention.deleteBefore(cutoff), 0));
    }
}
