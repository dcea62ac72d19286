package org.workhealth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
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
 * Values for the path variables of every route the application maps, so that tests walking the route table (reads
 * change nothing, forms refuse bad input) reach real records: a referral and a case of their own, and the demo
 * data's first of each other kind. A variable no value is known for fails the test, so no route goes unchecked.
 */
public final class RouteValues {

    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z]+)}");

    private final Map<String, String> values;

    private RouteValues(Map<String, String> values) {
        this.values = values;
    }

    /** Makes a referral waiting in triage and a case with a job start, and gathers the ids to fill routes with. */
    public static RouteValues make(JdbcClient jdbc, ReferralIntake intake, Casework casework, Milestones milestones) {
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
        long jobStart = milestones.record(new NewMilestone(MilestoneType.JOB_START, caseId, opened.id(), programme,
                contract, bury, openedOn.plusDays(30), Map.of(), coach));
        ReferralIntake.Submitted waiting = intake.submit(answers, ReferralSource.PUBLIC, null, null);

        Map<String, String> values = new TreeMap<>();
        values.put("cases", String.valueOf(caseId));
        values.put("referrals", String.valueOf(waiting.id()));
        values.put("version", "1");
        values.put("milestoneId", String.valueOf(jobStart));
        values.put("appointmentId", any(jdbc, "SELECT MIN(id) FROM appointment"));
        values.put("referralId", any(jdbc, "SELECT MIN(id) FROM onward_referral"));
        values.put("checkId", any(jdbc, "SELECT MIN(id) FROM sustainment_check"));
        values.put("otherId", String.valueOf(opened.id()));
        values.put("expenditureId", any(jdbc, "SELECT MIN(id) FROM funding_expenditure"));
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
        return new RouteValues(values);
    }

    /** These values with one replaced: a record of a test's own where the demo data's would be changed. */
    public RouteValues with(String key, String value) {
        Map<String, String> changed = new TreeMap<>(values);
        changed.put(key, value);
        return new RouteValues(changed);
    }

    /** The route with each {variable} replaced; a variable this class does not know fails the test. */
    public String fill(String route) {
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

    private static long id(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /** The first such record, or an id no record has: the route then answers "not found", which is still a read. */
    private static String any(JdbcClient jdbc, String sql) {
        Long id = jdbc.sql(sql).query(Long.class).optional().orElse(null);
        return String.valueOf(id == null ? Long.MAX_VALUE : id);
    }
}
