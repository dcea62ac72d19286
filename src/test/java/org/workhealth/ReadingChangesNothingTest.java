package org.workhealth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.workhealth.casework.Casework;
import org.workhealth.casework.OpenCase;
import org.workhealth.milestone.MilestoneType;
import org.workhealth.milestone.Milestones;
import org.workhealth.milestone.NewMilestone;
import org.workhealth.referral.ContactPreference;
import org.workhealth.referral.EmploymentStatus;
import org.workhealth.referral.ReferralAnswers;
import org.workhealth.referral.ReferralIntake;
import org.workhealth.referral.ReferralSource;

/**
 * Reading never changes anything: every GET route the application answers, with its path variables filled from
 * the demo data and a referral and case of this test's own, is requested signed in as every demo account (and
 * signed out), and no table but the audit log may change. Each table's rows are hashed before and after each
 * route, from the database's information schema, so the test runs on H2 and PostgreSQL alike. A new GET route
 * with a path variable this test cannot fill fails it, so that no route goes unchecked.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReadingChangesNothingTest {

    private static final Set<String> MAY_CHANGE = Set.of("audit_event", "flyway_schema_history");
    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z]+)}");
    private static final List<String> ACCOUNTS = List.of(SignIn.NATIONAL_ADMIN, SignIn.GM_ADMIN, SignIn.NATIONAL,
            SignIn.GM_COMMISSIONER, SignIn.WMCA_COMMISSIONER, SignIn.BURY_MANAGER, SignIn.BURY_COACH,
            "manager@oldham.workhealth.example", "specialist@bchft.workhealth.example",
            "referrer@townside.workhealth.example", "evaluator@workhealth.example");

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final RequestMappingHandlerMapping mappings;
    private final ReferralIntake intake;
    private final Casework casework;
    private final Milestones milestones;

    @Autowired
    ReadingChangesNothingTest(MockMvc mvc, JdbcClient jdbc,
            @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings, ReferralIntake intake,
            Casework casework, Milestones milestones) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.mappings = mappings;
        this.intake = intake;
        this.casework = casework;
        this.milestones = milestones;
    }

    @Test
    void noGetRouteChangesAnyTableButTheAuditLog() throws Exception {
        Map<String, String> values = values();
        Map<String, MockHttpSession> sessions = new LinkedHashMap<>();
        for (String account : ACCOUNTS) {
            sessions.put(account, SignIn.as(mvc, account));
        }
        sessions.put("signed out", new MockHttpSession());

        List<String> routes = getRoutes();
        assertThat(routes).contains("/referrals/{id}", "/cases/{id}", "/returns/{programme}/{year}/{quarter}");
        List<String> changes = new ArrayList<>();
        for (String route : routes) {
            String path = fill(route, values);
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

    /** Every pattern of every handler that answers GET (a mapping with no method answers every method). */
    private List<String> getRoutes() {
        Set<String> routes = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (methods.isEmpty() || methods.contains(RequestMethod.GET)) {
                routes.addAll(info.getPatternValues());
            }
        });
        return new ArrayList<>(routes);
    }

    /** The route with each {variable} replaced; a variable this test does not know fails it. */
    private static String fill(String route, Map<String, String> values) {
        Matcher m = VARIABLE.matcher(route);
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String before = route.substring(0, m.start());
            String key = keyFor(before, m.group(1));
            String value = values.get(key);
            assertThat(value).as("a value for {%s} in %s (key %s)", m.group(1), route, key).isNotNull();
            m.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        m.appendTail(path);
        return path.toString();
    }

    /** What a variable means depends on where it stands: {id} after /cases/ is a case, after /people/ a person. */
    private static String keyFor(String before, String variable) {
        if (!variable.equals("id") && !variable.equals("version")) {
            return variable;
        }
        String[] segments = before.split("/");
        String owner = segments.length == 0 ? "" : segments[segments.length - 1];
        if (owner.equals("versions")) {
            return "version";
        }
        if (before.startsWith("/returns/")) {
            return "return";
        }
        return owner;
    }

    /** Path variable values by key: the records this test makes and the demo data's first of each kind. */
    private Map<String, String> values() {
        long programme = id("SELECT id FROM programme WHERE code = 'WW'");
        long bury = id("SELECT id FROM organisation WHERE name = 'Bury Council Live Well service'");
        long coach = id("SELECT id FROM person WHERE email = '" + SignIn.BURY_COACH + "'");
        long contract = id("SELECT MIN(id) FROM contract WHERE programme_id = " + programme
                + " AND provider_organisation_id = " + bury);
        LocalDate openedOn = LocalDate.of(2026, 5, 11);
        String lastName = "Reader" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        ReferralAnswers answers = new ReferralAnswers(false, null, null, null, "Robin", lastName,
                LocalDate.of(1980, 4, 4), null, "07700900456", null, "7 Bank Street", null, "Bury", "BL9 0EJ",
                ContactPreference.PHONE, null, null, null, EmploymentStatus.UNEMPLOYED, openedOn.minusWeeks(20),
                null, null, null, true, false, false, "Back pain", null, "Help to find work", true, false, null, null,
                null, null, null);
        ReferralIntake.Submitted opened = intake.submit(answers, ReferralSource.PUBLIC, null, null);
        long caseId = casework.openCase(new OpenCase(opened.id(), opened.reference(), programme, null, bury, coach,
                EmploymentStatus.UNEMPLOYED.name(), openedOn));
        long jobStart = milestones.record(new NewMilestone(MilestoneType.JOB_START, caseId, opened.id(), programme, contract, bury,
                openedOn.plusDays(30), Map.of(), coach));
        ReferralIntake.Submitted waiting = intake.submit(answers, ReferralSource.PUBLIC, null, null);

        Map<String, String> values = new TreeMap<>();
        values.put("cases", String.valueOf(caseId));
        values.put("referrals", String.valueOf(waiting.id()));
        values.put("version", "1");
        values.put("milestoneId", String.valueOf(jobStart));
        values.put("appointmentId", any("SELECT MIN(id) FROM appointment"));
        values.put("referralId", any("SELECT MIN(id) FROM onward_referral"));
        values.put("upload", any("SELECT MIN(id) FROM referral_upload"));
        values.put("agreements", any("SELECT MIN(id) FROM funding_agreement"));
        values.put("agreementId", values.get("agreements"));
        values.put("allocations", any("SELECT MIN(id) FROM funding_allocation"));
        values.put("return", any("SELECT MIN(id) FROM data_return"));
        values.put("localityId", any("SELECT MIN(id) FROM organisation WHERE name = 'Bury'"));
        values.put("organisations", String.valueOf(bury));
        values.put("people", String.valueOf(coach));
        values.put("programmes", String.valueOf(programme));
        values.put("programmeId", String.valueOf(programme));
        values.put("services", any("SELECT MIN(id) FROM support_service"));
        values.put("contractId", String.valueOf(contract));
        values.put("kpiId", any("SELECT MIN(id) FROM kpi_definition WHERE programme_id = " + programme));
        values.put("yearStart", "2026");
        values.put("year", "2026");
        values.put("quarter", "1");
        values.put("quarterNumber", "1");
        values.put("code", "WW");
        values.put("programmeCode", "WW");
        values.put("programme", "WW");
        values.put("slug", "name");
        values.put("kind", "CASE_FILE");
        values.put("runs", any("SELECT MIN(id) FROM retention_run"));
        return values;
    }

    private long id(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /** The first such record, or an id no record has: the route then answers "not found", which is still a read. */
    private String any(String sql) {
        Long id = jdbc.sql(sql).query(Long.class).optional().orElse(null);
        return String.valueOf(id == null ? Long.MAX_VALUE : id);
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
