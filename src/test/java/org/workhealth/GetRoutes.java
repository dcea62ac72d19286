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
import java.util.EnumSet;
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
import org.workhealth.funding.FundingWalkRecords;
import org.workhealth.milestone.MilestoneType;
import org.workhealth.milestone.Milestones;
import org.workhealth.milestone.NewMilestone;
import org.workhealth.organisation.Role;
import org.workhealth.trial.internal.AllocationMethod;
import org.workhealth.trial.Arm;
import org.workhealth.trial.internal.TrialDesign;
import org.workhealth.trial.TrialUnit;
import org.workhealth.trial.Trials;
import org.workhealth.trial.internal.Randomiser;
import org.workhealth.trial.internal.UnitFacts;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.research.InformationSheets;
import org.workhealth.research.ResearchConsentRecording;
import org.workhealth.referral.EmploymentStatus;
import org.workhealth.referral.internal.ReferralAnswers;
import org.workhealth.referral.internal.ReferralIntake;
import org.workhealth.referral.internal.ReferralSource;
import org.workhealth.returns.ReturnWalkRecords;

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
            "referrer@townside.workhealth.example", "evaluator@workhealth.example",
            // Thrive at Work (employer module): an employer's own wellbeing lead.
            "lead@acme.workhealth.example");

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
            String key = keyFor(route, before, m.group(1));
            String value = values.get(key);
            assertThat(value).as("a value for {%s} in %s (key %s)", m.group(1), route, key).isNotNull();
            m.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        m.appendTail(path);
        return path.toString();
    }

    /** What a variable means depends on where it stands: {id} after /cases/ is a case, after /people/ a person. */
    private static String keyFor(String route, String before, String variable) {
        if (variable.equals("employerId") && route.endsWith("/decision")) {
            return "pendingEmployerId";
        }
        if (variable.equals("employerId") && route.matches(".*\\{(submissionId|awardId)}.*")) {
            return "accreditedEmployerId";
        }
        if (!variable.equals("id") && !variable.equals("version")) {
            return variable;
        }
        String[] segments = before.split("/");
        String owner = segments.length == 0 ? "" : segments[segments.length - 1];
        if (owner.equals("versions")) {
            return "version";
        }
        if (before.startsWith("/returns/sent/")) {
            return "sent";
        }
        if (before.startsWith("/returns/")) {
            return "return";
        }
        return owner;
    }

    /**
     * Path variable values by key: records of the walks' own, at every stage a page needs (a case with a plan, an
     * assessment, an appointment, an onward referral and an outcome; a referrer's upload; a funding claim with a
     * participant; a return submitted, approved and sent), and the demo data's first of each other kind.
     */
    public static Map<String, String> values(ApplicationContext context) {
        try {
            return made(context);
        } catch (RuntimeException | AssertionError e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("could not make the walks' records", e);
        }
    }

    private static Map<String, String> made(ApplicationContext context) throws Exception {
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
        ReferralAnswers answers = TestData.Referral.of("Robin", lastName)
                .employment(EmploymentStatus.UNEMPLOYED, openedOn.minusWeeks(20), null).answers();
        ReferralIntake.Submitted opened = intake.submit(answers, ReferralSource.PUBLIC, null, null);
        long caseId = casework.openCase(new OpenCase(opened.id(), opened.reference(), programme, null, bury, coach,
                EmploymentStatus.UNEMPLOYED.name(), openedOn));
        long jobStart = milestones.record(new NewMilestone(MilestoneType.JOB_START, caseId, opened.id(), programme, contract, bury,
                openedOn.plusDays(30), Map.of(), coach));
        ReferralIntake.Submitted waiting = intake.submit(answers, ReferralSource.PUBLIC, null, null);

        Map<String, String> values = new TreeMap<>();
        values.put("cases", String.valueOf(caseId));
        // Not a path variable: the surname of the walk's people, which no page outside the audit rule may show.
        values.put("surname", lastName);
        values.put("referrals", String.valueOf(waiting.id()));
        values.put("version", "1");
        values.put("milestoneId", String.valueOf(jobStart));
        WalkRecords.OnTheCase onTheCase = WalkRecords.onTheCase(context, caseId);
        values.put("outcomeId", String.valueOf(onTheCase.outcome()));
        values.put("appointmentId", String.valueOf(onTheCase.appointment()));
        values.put("grantId", any(jdbc, "SELECT MIN(id) FROM role_grant"));
        values.put("checkId", any(jdbc, "SELECT MIN(id) FROM sustainment_check"));
        values.put("otherId", String.valueOf(opened.id()));
        values.put("referral", String.valueOf(opened.id()));
        values.put("expenditureId", any(jdbc, "SELECT MIN(id) FROM funding_expenditure"));
        values.put("referralId", String.valueOf(onTheCase.onwardReferral()));
        // The onward referral was made with the person's consent, so its service has a consent page to walk.
        values.put("serviceId", any(jdbc, "SELECT MIN(service_id) FROM onward_referral WHERE id = "
                + onTheCase.onwardReferral()));
        values.put("upload", String.valueOf(WalkRecords.upload(context)));
        values.put("agreements", String.valueOf(FundingWalkRecords.agreementWithAParticipant(context)));
        values.put("agreementId", values.get("agreements"));
        values.put("allocations", any(jdbc, "SELECT MIN(id) FROM funding_allocation"));
        ReturnWalkRecords.Made madeReturn = ReturnWalkRecords.make(context);
        values.put("return", String.valueOf(madeReturn.reviewed()));
        values.put("sent", String.valueOf(madeReturn.sent()));
        // The API (issue 18): a client of Bury's, a referral's reference, a sent return (the API answers staff 401).
        values.put("api-clients", String.valueOf(context.getBean(org.workhealth.api.internal.ApiClients.class)
                .create(new org.workhealth.api.internal.ApiClients.NewClient("Walk client", bury,
                        java.util.Set.of(org.workhealth.api.ApiScope.FIGURES_READ), LocalDate.of(2026, 12, 31)),
                        coach).id()));
        values.put("reference", waiting.reference());
        values.put("national-returns", values.get("sent"));
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
        values.put("programme", madeReturn.programme());
        values.put("slug", "name");
        values.put("kind", "CASE_FILE");
        values.put("runs", any(jdbc, "SELECT MIN(id) FROM retention_run"));
        // Thrive at Work engagements, case studies and pilots (employer module, E3): the demo's first of each.
        values.put("pilotId", any(jdbc, "SELECT MIN(id) FROM employer_pilot"));
        values.put("engagementId", any(jdbc, "SELECT MIN(id) FROM employer_engagement"));
        values.put("caseStudyId", any(jdbc, "SELECT MIN(id) FROM employer_case_study"));
        // Thrive at Work employers (employer module, E1): the demo's Acme Components Ltd, confirmed, with a
        // wellbeing lead and an advisor, and its first site.
        values.put("employerId", any(jdbc, "SELECT MIN(id) FROM employer WHERE name = 'Acme Components Ltd'"));
        values.put("siteId", any(jdbc, "SELECT MIN(s.id) FROM employer_site s JOIN employer e ON e.id = s.employer_id"
                + " WHERE e.name = 'Acme Components Ltd'"));
        // Only a sign-up still waiting has a decision page: the walk's own, as the forms' walk may decide it.
        values.put("pendingEmployerId", String.valueOf(pendingSignUp(jdbc, values.get("employerId"), lastName)));
        // Thrive at Work accreditation (employer.framework, employer.assessment): the demo's framework.
        values.put("frameworkVersionId", any(jdbc, "SELECT MIN(id) FROM framework_version"));
        values.put("criterionId", any(jdbc, "SELECT MIN(id) FROM framework_criterion WHERE version_id = "
                + values.get("frameworkVersionId")));
        values.put("levelCode", "BRONZE");
        values.put("moduleCode", "MENTAL");
        values.put("criterionCode", "B-MH-1");
        // Rounds and certificates: an employer of the demo's that was awarded Bronze; an evidence file: Acme's, whose
        // wellbeing lead is one of the walk's accounts (commissioners may not open evidence).
        String accredited = any(jdbc, "SELECT employer_id FROM accreditation_award WHERE id = "
                + "(SELECT MIN(id) FROM accreditation_award)");
        values.put("accreditedEmployerId", accredited);
        jdbc.sql("""
                INSERT INTO criterion_evidence (employer_id, criterion_code, description, file_name, content_type,
                                                size_bytes, content, added_at)
                VALUES (?, 'B-MH-1', 'Policy', 'policy.pdf', 'application/pdf', 9, ?, CURRENT_TIMESTAMP)
                """).params(Long.parseLong(values.get("employerId")), "%PDF-1.4\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .update();
        values.put("evidenceId", any(jdbc, "SELECT MAX(id) FROM criterion_evidence WHERE employer_id = "
                + values.get("employerId")));
        values.put("submissionId", any(jdbc, "SELECT MIN(id) FROM assessment_submission WHERE employer_id = "
                + accredited));
        values.put("awardId", any(jdbc, "SELECT MIN(id) FROM accreditation_award WHERE employer_id = " + accredited));
        // A trial on the walk's programme, recruiting, owned by Greater Manchester: its page and the randomise page.
        values.put("trialId", String.valueOf(walkTrial(context, programme)));
        // --- H1 (issue 16): an allocation in the walk trial, with research consent against its information sheet,
        // for the allocation's research consent and in-error pages. Its own referral, so no other page's changes.
        long trialId = Long.parseLong(values.get("trialId"));
        long randomised = intake.submit(answers, ReferralSource.PUBLIC, null, null).id();
        String trialCode = jdbc.sql("SELECT code FROM trial WHERE id = ?").param(trialId).query(String.class).single();
        long gmHub = id(jdbc, "SELECT organisation_id FROM person WHERE email = '" + SignIn.GM_COMMISSIONER + "'");
        context.getBean(InformationSheets.class).add(trialCode, "1.0", LocalDate.now().minusDays(60), coach, gmHub);
        context.getBean(ResearchConsentRecording.class).give(trialCode, randomised, bury, "1.0",
                LocalDate.now().minusDays(1), coach);
        CurrentUser walker = new CurrentUser(coach, SignIn.BURY_COACH, "Walk", bury, "Bury", EnumSet.of(Role.PRACTITIONER));
        values.put("allocationId", String.valueOf(context.getBean(Randomiser.class)
                .randomise(walker, trialId, new UnitFacts(randomised, bury, Map.of())).id()));
        values.put("week", "12"); // its first follow-up point (H2's follow-up pages)
        // --- end H1
        // --- H3 (SME trials): an employer trial with an SME randomised into its grant arm, and its first instalment.
        values.putAll(org.workhealth.trial.employer.SmeWalkRecords.smeTrial(context));
        values.put("number", "1");
        // --- end H3
        // Evaluation (issue 16, H4): a data sharing agreement of West Midlands' with the university, in force.
        org.workhealth.evaluation.EvaluationWalkRecords.Made evaluation =
                org.workhealth.evaluation.EvaluationWalkRecords.make(context);
        values.put("dsaId", String.valueOf(evaluation.agreement()));
        values.put("extractId", String.valueOf(evaluation.extract()));
        return values;
    }

    /** H2: randomises the referral into the trial as Greater Manchester's commissioner would. */
    private static long walkTrial(ApplicationContext context, long programme) {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        long hub = id(jdbc, "SELECT organisation_id FROM person WHERE email = '" + SignIn.GM_COMMISSIONER + "'");
        TrialDesign design = new TrialDesign(programme, "WALK-" + UUID.randomUUID().toString().substring(0, 8)
                .toUpperCase(), "Walk trial", TrialUnit.PARTICIPANT, AllocationMethod.PERMUTED_BLOCKS,
                List.of(new Arm("IPS", "Individual placement and support", 1, false),
                        new Arm("USUAL", "Usual care", 1, true)),
                List.of(), List.of(1, 2), 0.8, LocalDate.now().minusDays(30), LocalDate.now().plusYears(1), 300,
                EnumSet.of(Role.COMMISSIONER), "Signposted to usual care", List.of(12, 26));
        return context.getBean(Trials.class).createUnchecked(design, hub).id();
    }

    private static long pendingSignUp(JdbcClient jdbc, String likeEmployer, String lastName) {
        jdbc.sql("""
                INSERT INTO employer (hub_organisation_id, name, sic_section, size_band, employees, status, source,
                                      contact_name, contact_email, signed_up_on, created_at)
                SELECT hub_organisation_id, 'Walk Sign-up Ltd', 'C', 'SMALL', 12, 'PENDING', 'SELF_SIGN_UP', ?,
                       'walk@example.com', CURRENT_DATE, CURRENT_TIMESTAMP
                FROM employer WHERE id = ?
                """).params("Pat " + lastName, Long.parseLong(likeEmployer)).update();
        return id(jdbc, "SELECT MAX(id) FROM employer WHERE name = 'Walk Sign-up Ltd'");
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
