package org.workhealth.organisation;

import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

/**
 * Deletes expired sessions from the database on one node at a time (a db-scheduler task), in place of Spring
 * Session's own cron, which would run on every node at the same second. An expired session is refused when it is
 * read whether or not it has been deleted yet: this only keeps the table small.
 */
@Configuration(proxyBeanMethods = false)
class ExpiredSessions {

    @Bean
    RecurringTask<Void> deleteExpiredSessions(ObjectProvider<JdbcIndexedSessionRepository> sessions,
            @Value("${workhealth.sessions.delete-expired-every:PT5M}") Duration every) {
        return Tasks.recurring("sessions-delete-expired", Schedules.fixedDelay(every))
                .execute((instance, context) -> sessions.ifAvailable(JdbcIndexedSessionRepository::cleanUpExpiredSessions));
    }
}
