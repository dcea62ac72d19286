package org.workhealth.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * The embedded database must keep checking a coded column after the connection that created the check has closed.
 * H2 2.4.240 kept that connection's session inside an IN (...) check: once the pool retired the connection that ran
 * the migrations (after 30 minutes, or when a test context closed), every insert into such a table failed with
 * "Check constraint invalid" / "The database has been closed" (fixed in H2 2.5). This is what stopped CI twice late
 * in a long run.
 */
class H2CheckConstraintTest {

    @Test
    void aCodedColumnIsStillCheckedAfterTheConnectionThatCreatedTheCheckHasClosed() throws SQLException {
        String url = "jdbc:h2:mem:check-" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1";
        try (Connection keepsTheDatabaseOpen = DriverManager.getConnection(url, "sa", "")) {
            try (Connection migration = DriverManager.getConnection(url, "sa", "");
                    Statement ddl = migration.createStatement()) {
                ddl.execute("CREATE TABLE support_case (status VARCHAR(20) NOT NULL, "
                        + "CONSTRAINT ck_support_case_status CHECK (status IN ('OPEN', 'CLOSED')))");
            }
            try (Statement insert = keepsTheDatabaseOpen.createStatement()) {
                assertThat(insert.executeUpdate("INSERT INTO support_case (status) VALUES ('OPEN')")).isEqualTo(1);
                assertThat(refused(insert, "INSERT INTO support_case (status) VALUES ('LOST')"))
                        .containsIgnoringCase("ck_support_case_status").contains("violation");
            }
        }
    }

    private static String refused(Statement statement, String sql) {
        try {
            statement.executeUpdate(sql);
            return "accepted";
        } catch (SQLException e) {
            return e.getMessage();
        }
    }
}
