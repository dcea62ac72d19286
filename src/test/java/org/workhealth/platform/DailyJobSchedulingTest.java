package org.workhealth.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

/**
 * A module's DailyJob bean is run by the database-backed scheduler with the day it was due, and is then due again at
 * 07:00 UK time the next day.
 */
@SpringBootTest(properties = "db-scheduler.polling-interval=1s")
class DailyJobSchedulingTest {

    static final List<LocalDate> RUNS = new CopyOnWriteArrayList<>();

    @TestConfiguration
    static class AJob {
        @Bean
        DailyJob testDailyJob() {
            return new DailyJob() {
                @Override
                public String name() {
                    return "test-job";
                }

                @Override
                public void run(LocalDate today) {
                    RUNS.add(today);
                }
            };
        }
    }

    @Autowired
    Scheduler scheduler;

    @Test
    void aDailyJobIsRunByTheSchedulerForTheDayAndIsDueAgainAtSevenInTheMorning() throws InterruptedException {
        TaskInstanceId task = TaskInstanceId.of("daily-test-job", RecurringTask.INSTANCE);
        ScheduledExecution<Object> first = scheduler.getScheduledExecution(task).orElseThrow();
        ZoneId uk = ZoneId.of("Europe/London");
        assertThat(first.getExecutionTime().atZone(uk).toLocalTime()).isEqualTo(LocalTime.of(7, 0));

        // Due now instead of at the next 07:00.
        scheduler.reschedule(task, Instant.now());
        for (int i = 0; i < 300 && RUNS.isEmpty(); i++) {
            Thread.sleep(100);
        }

        assertThat(RUNS).containsExactly(LocalDate.now(uk));
        Instant next = scheduler.getScheduledExecution(task).orElseThrow().getExecutionTime();
        assertThat(next.atZone(uk).toLocalTime()).isEqualTo(LocalTime.of(7, 0));
        assertThat(next).isAfter(Instant.now());
    }
}
