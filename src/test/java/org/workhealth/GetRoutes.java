package org.workhealth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationContext;
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
 * Every GET route the application answers, and a value for each of its path variables, for the tests that walk
 * them all ({@link ReadingChangesNothingTest}, {@code audit.AuditedPagesTest}). A new GET route with a path variable
 * these values cannot fill fails them, so that no route goes unchecked.
 */
public final class GetRoutes {

    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z]+)}");

    /** One account of every role, and of organisations at every level, that the walks sign in as. */
    public static final List<String> ACCOUNTS = List.of(SignIn.NATIONAL_ADMIN, SignIn.GM_ADMIN, SignIn.NATIONAL,
            SignIn.GM_COMMISSIONER, SignIn.WMCA_COMMISSIONER, SignIn.BURY_MANAGER, SignIn.BURY_COACH,
            "manager@oldham.workhealth.example", "specialist@bchft.workhealth.example",
            "referrer@townside.workhealth.example", "evaluator@workhealth.example");

    private GetRoutes() {
    }

    /** A session signed in as each of {@link #ACCOUNTS}, and one signed out, by name. */
    public static Map<String, MockHttpSession> sessions(MockMvc mvc) throws Exception {
        Map<String, MockHttpSession> sessions = new LinkedHashMap<>();
        for (String account : ACCOUNTS) {
            sessions.put(account, SignIn.as(mvc, account));
        }
        sessions.put("signed out", new MockHttpSession());
        return sessions;
    }

    /** Every pattern of every handler that answers GET (a mapping with no method answers every method). */
    public static List<String> of(ApplicationContext context) {
        RequestMappingHandlerMapping mappings = context.getBean("requestMappingHandlerMapping",
                RequestMappingHandlerMapping.class);
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
    public static String fill(String route, Map<String, String> values) {
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
    public static Map<String, String> values(ApplicationContext context) {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        ReferralIntake intake = context.getBean(ReferralIntake.class);
        Casework casework = context.getBean(Casework.class);
        Milestones milestones = context.getBean(Milestones.class);
        long programme = id(jdbc, "SELECT id FROM programme WHERE code = 'WW'");
        long bury = id(jdbc, "SELECT id FROM organisation WHERE name = 'Bury Council Live Well service'");
        long coach = id(jdbc, "SELECT id FROM person WHERE email = '" + SignIn.BURY_COACH + "'");
        long contract = id(jdbc, "SELECT MIN(id) FROM contract WHERE programme_id = " + programme
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
        values.put("outcomeId", any(jdbc, "SELECT MIN(id) FROM case_outcome"));
        values.put("appointmentId", any(jdbc, "SELECT MIN(id) FROM appointment"));
        values.put("grantId", any(jdbc, "SELECT MIN(id) FROM role_grant"));
        values.put("checkId", any(jdbc, "SELECT MIN(id) FROM sustainment_check"));
        values.put("otherId", String.valueOf(opened.id()));
        values.put("referral", String.valueOf(opened.id()));
        values.put("expenditureId", any(jdbc, "SELECT MIN(id) FROM funding_expenditure"));
        values.put("referralId", any(jdbc, "SELECT MIN(id) FROM onward_referral"));
        values.put("upload", any(jdbc, "SELECT MIN(id) FROM referral_upload"));
        values.put("agreements", any(jdbc, "SELECT MIN(id) FROM funding_agreement"));
        values.put("agreementId", values.get("agreements"));
        values.put("allocations", any(jdbc, "SELECT MIN(id) FROM funding_allocation"));
        values.put("return", any(jdbc, "SELECT MIN(id) FROM data_return"));
        values.put("localityId", any(jdbc, "SELECT MIN(id) FROM organisation WHERE name = 'Bury'"));
        values.put("organisations", String.valueOf(bury));
        values.put("people", String.valueOf(coach));
        values.put("programmes", String.valueOf(programme));
        values.put("programmeId", String.valueOf(programme));
        values.put("services", any(jdbc, "SELECT MIN(id) FROM support_service"));
        values.put("contractId", String.valueOf(contract));
        values.put("kpiId", any(jdbc, "SELECT MIN(id) FROM kpi_definition WHERE programme_id = " + programme));
        values.put("yearStart", "2026");
        values.put("year", "2026");
        values.put("quarter", "1");
        values.put("quarterNumber", "1");
        values.put("code", "WW");
        values.put("programmeCode", "WW");
        values.put("programme", "WW");
        values.put("slug", "name");
        values.put("kind", "CASE_FILE");
        values.put("runs", any(jdbc, "SELECT MIN(id) FROM retention_run"));
        values.put("trialId", any(jdbc, "SELECT MIN(id) FROM trial"));
        return values;
    }

    private static long id(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /** The first such record, or an id no record has: the route then answers "not found", which is still a read. */
    private static String any(JdbcClient jdbc, String sql) {
        Long id = jdbc.sql(sql).query(Long.class).optional().orElse(null);
        return String.valueOf(id == null ? Long.MAX_VALUE : id);
    }

}
