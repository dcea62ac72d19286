package org.workhealth.platform;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

/**
 * Every {@link DailyJob} bean becomes a db-scheduler recurring task named {@code daily-<name>}, run once a day at
 * {@code workhealth.daily-jobs.at} (07:00 by default), UK time, on one node of however many share the database.
 * The job is given the day its run was due, so a run delayed past midnight still does that day's work. A day the
 * whole service was down is not run afterwards: the next run is the next day's.
 */
@Configuration(proxyBeanMethods = false)
class DailyJobScheduling {

    static final ZoneId UK = ZoneId.of("Europe/London");
    static final String TASK_PREFIX = "daily-";

    /**
     * The scheduler takes its tasks as beans, one each, and the jobs are beans of other modules: a task bean is
     * registered for each job bean before any is made.
     */
    @Bean
    static BeanDefinitionRegistryPostProcessor dailyJobTasks() {
        return new TaskPerJob();
    }

    static RecurringTask<Void> task(DailyJob job, LocalTime at) {
        if (!job.name().matches("[A-Za-z0-9-]{1,80}")) {
            throw new IllegalStateException("A daily job's name is letters, digits and hyphens: " + job.name());
        }
        return Tasks.recurring(TASK_PREFIX + job.name(), Schedules.daily(UK, at))
                .execute((instance, context) -> job.run(LocalDate.ofInstant(context.getExecution().executionTime,
                        UK)));
    }

    private static final class TaskPerJob implements BeanDefinitionRegistryPostProcessor, EnvironmentAware {

        private Environment environment;

        @Override
        public void setEnvironment(Environment environment) {
            this.environment = environment;
        }

        @Override
        public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
            ConfigurableListableBeanFactory beans = (ConfigurableListableBeanFactory) registry;
            LocalTime at = LocalTime.parse(environment.getProperty("workhealth.daily-jobs.at", "07:00"));
            for (String jobBean : beans.getBeanNamesForType(DailyJob.class, true, false)) {
                RootBeanDefinition task = new RootBeanDefinition();
                task.setTargetType(ResolvableType.forClassWithGenerics(RecurringTask.class, Void.class));
                task.setInstanceSupplier(() -> task(beans.getBean(jobBean, DailyJob.class), at));
                registry.registerBeanDefinition(jobBean + "DailyTask", task);
            }
        }

        @Override
        public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        }
    }
}
