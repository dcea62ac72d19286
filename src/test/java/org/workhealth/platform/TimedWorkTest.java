package org.workhealth.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Work on a timer runs once across however many nodes share the database: every timer is a db-scheduler task,
 * none is an in-node {@code @Scheduled} method, which would run on every node at once.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TimedWorkTest {

    private static final JavaClasses APPLICATION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.workhealth");

    @Autowired
    Scheduler scheduler;

    @Test
    void noWorkIsScheduledInANodesMemory() {
        noMethods().should().beAnnotatedWith(Scheduled.class)
                .because("a @Scheduled method runs on every node; use a db-scheduler task (docs/operations.md)")
                .check(APPLICATION);
        noClasses().should().beAnnotatedWith(EnableScheduling.class).check(APPLICATION);
    }

    @Test
    void everyTimedJobIsATaskInTheDatabase() {
        for (String task : new String[] { "retention-nightly", "rate-limits-forget", "sessions-delete-expired",
                "events-resubmit" }) {
            assertThat(scheduler.getScheduledExecution(TaskInstanceId.of(task, RecurringTask.INSTANCE)))
                    .as("task %s", task).isPresent();
        }
        assertThat(scheduler.getScheduledExecution(TaskInstanceId.of("retention-nightly", RecurringTask.INSTANCE))
                .orElseThrow().getExecutionTime().atZone(ZoneId.of("Europe/London")).toLocalTime())
                .isEqualTo(LocalTime.of(2, 30));
    }
}
