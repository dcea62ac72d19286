package org.workhealth.platform;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * On PostgreSQL db-scheduler picks due tasks with {@code SELECT … FOR UPDATE SKIP LOCKED} (lock_and_fetch), which H2
 * does not offer; elsewhere it keeps its default (fetch, then claim each with an optimistic update). Decided from
 * the database URL after the configuration files are read, so DATABASE_URL alone is enough; an explicit
 * {@code db-scheduler.polling-strategy} wins. Registered in META-INF/spring.factories.
 */
class SchedulerPollingStrategy implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY = "db-scheduler.polling-strategy";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty("spring.datasource.url", "");
        if (url.startsWith("jdbc:postgresql:") && !environment.containsProperty(PROPERTY)) {
            environment.getPropertySources().addLast(new MapPropertySource("workhealthSchedulerPolling",
                    Map.of(PROPERTY, "lock_and_fetch")));
        }
    }

    @Override
    public int getOrder() {
        // After the configuration files (ConfigDataEnvironmentPostProcessor), which give the database URL.
        return Ordered.LOWEST_PRECEDENCE;
    }
}
