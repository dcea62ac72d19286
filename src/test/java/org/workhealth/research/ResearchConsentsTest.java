package org.workhealth.research;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Reading research consent gives its connection back. {@code JdbcClient}'s {@code stream()} holds the result set
 * and connection open until the stream is closed; collected without closing, each read kept a connection, and an
 * extract run a dozen times emptied the pool (every later request waited 30 s and failed).
 */
@SpringBootTest
@AutoConfigureMockMvc
class ResearchConsentsTest {

    @Autowired
    ResearchConsents consents;
    @Autowired
    DataSource dataSource;

    @Test
    void readingConsentsLeavesNoConnectionInUse() {
        int before = ((HikariDataSource) dataSource).getHikariPoolMXBean().getActiveConnections();
        for (int i = 0; i < 3; i++) {
            consents.forStudy("ANY-STUDY");
            consents.withdrawals("ANY-STUDY");
        }
        assertThat(((HikariDataSource) dataSource).getHikariPoolMXBean().getActiveConnections()).isEqualTo(before);
    }
}
