package org.workhealth.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The scheduler locks and fetches due tasks on PostgreSQL only, unless told otherwise. */
class SchedulerPollingStrategyTest {

    @Test
    void lockAndFetchOnPostgresqlOnlyAndASettingWins() {
        assertThat(strategy(Map.of("spring.datasource.url", "jdbc:postgresql://db:5432/workhealth")))
                .isEqualTo("lock_and_fetch");
        assertThat(strategy(Map.of("spring.datasource.url", "jdbc:h2:mem:workhealth;MODE=PostgreSQL"))).isNull();
        assertThat(strategy(Map.of("spring.datasource.url", "jdbc:postgresql://db:5432/workhealth",
                SchedulerPollingStrategy.PROPERTY, "fetch"))).isEqualTo("fetch");
    }

    private static String strategy(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        new SchedulerPollingStrategy().postProcessEnvironment(environment, null);
        return environment.getProperty(SchedulerPollingStrategy.PROPERTY);
    }
}
