package org.workhealth.platform;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.IncompleteEventPublications;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

/**
 * The platform's work on a timer, as db-scheduler tasks: each runs on one node of however many share the database,
 * and another node takes it over if that one stops mid-run (docs/operations.md).
 */
@Configuration(proxyBeanMethods = false)
class PlatformTasks {

    @Bean
    RecurringTask<Void> forgetRateLimitUses(RateLimits limits,
            @Value("${workhealth.rate-limits.forget-every:PT15M}") Duration every) {
        return Tasks.recurring("rate-limits-forget", Schedules.fixedDelay(every))
                .execute((instance, context) -> limits.forgetOldUses());
    }

    /**
     * Delivers again an event whose listener has not finished after {@code workhealth.events.resubmit-after}: its
     * node stopped, or the listener failed. This replaces Spring Modulith's republishing at start-up, which on
     * several nodes would deliver a second time the events another node is still handling.
     */
    @Bean
    RecurringTask<Void> resubmitUnfinishedEvents(IncompleteEventPublications publications,
            @Value("${workhealth.events.resubmit-after:PT2M}") Duration after,
            @Value("${workhealth.events.resubmit-every:PT1M}") Duration every) {
        return Tasks.recurring("events-resubmit", Schedules.fixedDelay(every))
                .execute((instance, context) -> publications.resubmitIncompletePublicationsOlderThan(after));
    }
}
