package org.workhealth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Reading never changes anything: every GET route the application answers, with its path variables filled from
 * the demo data and a referral and case of this test's own, is requested signed in as every demo account (and
 * signed out), and no table but the audit log may change. Each table's rows are hashed before and after each
 * route, from the database's information schema, so the test runs on H2 and PostgreSQL alike. A new GET route
 * with a path variable {@link GetRoutes} cannot fill fails it, so that no route goes unchecked.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReadingChangesNothingTest {

    /**
     * The audit log, and the tables the scheduler's tasks write on their own threads whatever anyone reads (its own,
     * and the rate limits and sessions its clean-up tasks delete from).
     */
    private static final Set<String> MAY_CHANGE = Set.of("audit_event", "audit_event_record", "flyway_schema_history",
            "scheduled_tasks", "rate_limit_window", "rate_limit_use", "rate_limit_client", "spring_session",
            "spring_session_attributes");

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final ApplicationContext context;

    @Autowired
    ReadingChangesNothingTest(MockMvc mvc, JdbcClient jdbc, ApplicationContext context) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.context = context;
    }

    @Test
    void noGetRouteChangesAnyTableButTheAuditLog() throws Exception {
        Map<String, String> values = GetRoutes.values(context);
        Map<String, MockHttpSession> sessions = GetRoutes.sessions(mvc);

        List<String> routes = GetRoutes.of(context);
        assertThat(routes).contains("/referrals/{id}", "/cases/{id}", "/returns/{programme}/{year}/{quarter}");
        List<String> changes = new ArrayList<>();
        for (String route : routes) {
            String path = GetRoutes.fill(route, values);
            Map<String, String> before = snapshot();
            for (MockHttpSession session : sessions.values()) {
                mvc.perform(get(path).session(session)).andReturn();
            }
            Map<String, String> after = snapshot();
            Set<String> changed = new TreeSet<>();
            after.forEach((table, hash) -> {
                if (!hash.equals(before.get(table))) {
                    changed.add(table);
                }
            });
            if (!changed.isEmpty()) {
                changes.add("GET " + path + " changed " + changed);
            }
        }
        assertThat(changes).isEmpty();
    }

    /** A column's value as text; binary and large object columns by their content, not their identity. */
    private static String text(Object value) throws Exception {
        if (value instanceof byte[] bytes) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
        if (value instanceof java.sql.Blob blob) {
            return text(blob.getBytes(1, (int) blob.length()));
        }
        if (value instanceof java.sql.Clob clob) {
            return clob.getSubString(1, (int) clob.length());
        }
        return String.valueOf(value);
    }

    /** A hash of every row of every table but the audit log, by table. */
    private Map<String, String> snapshot() throws Exception {
        List<String> tables = jdbc.sql("""
                SELECT LOWER(table_name) FROM information_schema.tables
                WHERE table_type = 'BASE TABLE' AND LOWER(table_schema) = LOWER(CURRENT_SCHEMA)
                ORDER BY 1
                """).query(String.class).list();
        assertThat(tables).contains("referral", "milestone", "support_case");
        Map<String, String> hashes = new TreeMap<>();
        for (String table : tables) {
            if (MAY_CHANGE.contains(table)) {
                continue;
            }
            List<String> rows = new ArrayList<>();
            for (Map<String, Object> row : jdbc.sql("SELECT * FROM " + table).query().listOfRows()) {
                StringBuilder text = new StringBuilder();
                for (Map.Entry<String, Object> column : new TreeMap<>(row).entrySet()) {
                    text.append(column.getKey()).append('=').append(text(column.getValue())).append('|');
                }
                rows.add(text.toString());
            }
            rows.sort(null);
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String row : rows) {
                digest.update(row.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
            hashes.put(table, rows.size() + ":" + HexFormat.of().formatHex(digest.digest()));
        }
        return hashes;
    }
}
