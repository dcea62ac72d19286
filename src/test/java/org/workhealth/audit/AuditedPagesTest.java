package org.workhealth.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.workhealth.GetRoutes;
import org.workhealth.SignIn;

/**
 * Every page that shows a person's data writes exactly one VIEW entry naming the record or records it showed, and
 * an answer that shows nothing (not found, refused, a redirect) writes none. Every GET route ({@link GetRoutes}) is
 * requested as every demo account, then again with each of its record ids replaced by one that does not exist. A
 * route is either listed here as showing no personal data or is held to the audit rule, so a new route must be
 * classified.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuditedPagesTest {

    /** Pages that show nobody's personal data: public pages, forms, reference data and aggregate figures. */
    static final Set<String> NO_PERSONAL_DATA = Set.of("/", "/home", "/accessibility", "/privacy", "/cookies",
            // Trials' designs and set-up pages: allocations are on /trials/{trialId}/allocations, audited there.
            "/trials", "/trials/{trialId}", "/programmes/{programmeId}/trials/new", "/trials/{trialId}/edit",
            // H1: a trial's information sheet versions (version numbers and dates, nobody's data).
            "/trials/{trialId}/information-sheets",
            // H3: an SME trial's grant plan (instalments and conditions; no employer, no allocation).
            "/trials/{smeTrialId}/grant-plan",
            "/sign-in", "/error", "/account/password", "/admin/bank-holidays",
            // The area deprivation lookup: postcodes and deciles, reference data about areas, never a person.
            "/admin/area-deprivation",
            // A person's own multi-factor settings and the code pages of their own sign-in.
            "/account/mfa", "/account/mfa/setup", "/account/mfa/recovery-codes", "/sign-in/code",
            // A person's own choice of optional emails: categories ticked or not, nobody's data.
            "/account/messages",
            "/sign-in/recovery-code",
            // The subject access search form: what a search finds is checked by SubjectAccessTest.
            "/subject-access",
            // The retention schedule, and erasure on request, which finds a record by reference and shows no name.
            "/admin/retention", "/admin/retention/periods/{kind}", "/admin/retention/runs/{id}", "/admin/erasure",
            // The public and referrer forms show back only what the person typing has just entered.
            "/refer", "/refer/{slug}", "/refer/check", "/refer/confirmation", "/referrals/new",
            "/referrals/new/{slug}", "/referrals/new/check", "/referrals/new/confirmation", "/referrals/upload",
            "/referrals/upload/template.csv",
            "/organisations", "/organisations/new", "/organisations/{id}", "/organisations/{id}/edit", "/people/new",
            "/services", "/services/new", "/services/{id}/edit",
            "/programmes", "/programmes/new", "/programmes/{id}", "/programmes/{id}/edit",
            "/programmes/{id}/cohorts/new", "/programmes/{id}/contracts/new", "/programmes/{id}/eligibility",
            "/programmes/{id}/kpis", "/programmes/{id}/kpis/new", "/programmes/{id}/kpis/{kpiId}/edit",
            "/performance", "/performance/{code}/{yearStart}", "/performance/{programmeCode}/{yearStart}/funnel",
            "/performance/targets", "/performance/thresholds", "/performance/thresholds/default",
            "/performance/thresholds/{programmeId}", "/performance/reports", "/performance/reports/board",
            "/performance/reports/board.pdf", "/performance/reports/board.xlsx", "/performance/figures",
            "/performance/figures/{contractId}", "/performance/figures/{contractId}/{yearStart}",
            "/performance/figures/{contractId}/{yearStart}/{kpiId}/{quarterNumber}",
            "/performance/figures/{contractId}/{yearStart}/{kpiId}/{quarterNumber}/history",
            "/funding", "/funding/agreements/new", "/funding/agreements/{id}", "/funding/agreements/{id}/years/{year}",
            "/funding/agreements/{id}/years/{year}/change", "/funding/agreements/{id}/claims/{year}/{quarter}/return",
            "/funding/agreements/{id}/claims/{year}/{quarter}/expenditure", "/funding/allocations",
            "/funding/allocations/new", "/funding/allocations/{id}", "/funding/allocations/{id}/allocation.csv",
            "/funding/populations", "/funding/populations/{localityId}",
            "/returns", "/returns/board/{programme}/{year}", "/returns/board/{programme}/{year}/{quarter}",
            "/returns/review/{id}/return", "/returns/review/{id}/unlock", "/returns/sent/{id}/figures.csv",
            // Thrive at Work: the sign-up forms show back only what the person typing entered; the lists and the
            // caseloads name employers (organisations) and advisors (staff), never an employer's contact.
            "/thrive-at-work/sign-up", "/thrive-at-work/sign-up/{slug}", "/thrive-at-work/sign-up/check",
            "/thrive-at-work/sign-up/confirmation", "/employers/new", "/employers/new/{slug}", "/employers/new/check",
            "/employers", "/employers/queue", "/employers/caseloads", "/employers/{employerId}/advisor",
            "/employers/{employerId}/people/new", "/employers/diagnostic-referrals/new", "/employer/sites/new",
            "/employer/people/new",
            // Thrive at Work figures (E3): the dashboard, lists and forms show figures, titles and employers'
            // names (organisations), never attendees or who gave consent, which only an engagement's or case
            // study's own page shows (and audits).
            "/thrive-at-work", "/thrive-at-work/engagements", "/thrive-at-work/engagements/new",
            "/thrive-at-work/case-studies", "/thrive-at-work/case-studies/new", "/thrive-at-work/pilots",
            "/thrive-at-work/pilots/{pilotId}", "/thrive-at-work/pilots/{pilotId}/sessions/new",
            "/thrive-at-work/pilots/{pilotId}/measures/new",
            "/thrive-at-work/pilots/new", "/thrive-at-work/pilots/{pilotId}/change",
            // Thrive at Work's framework: criteria, which are reference data.
            "/thrive-at-work/framework", "/thrive-at-work/framework/{frameworkVersionId}",
            "/thrive-at-work/framework/{frameworkVersionId}/criteria/new",
            "/thrive-at-work/framework/{frameworkVersionId}/criteria/{criterionId}",
            // Thrive at Work's public register (employers' names and levels), the assessors' queue (employers'
            // names), and the form to withdraw an award (an employer's name and level).
            "/thrive-at-work/register", "/thrive-at-work/assessments",
            "/thrive-at-work/employers/{employerId}/accreditation/awards/{awardId}/withdraw",
            // Evaluation (H4): agreements, their forms, extract logs (counts and checksums) and data dictionaries
            // (column definitions). The extracts themselves are POSTs, logged and audited with their row count.
            "/evaluation", "/evaluation/agreements/new", "/evaluation/agreements/{dsaId}",
            "/evaluation/agreements/{dsaId}/new-version", "/evaluation/agreements/{dsaId}/dictionary.csv",
            "/evaluation/agreements/{dsaId}/dictionary.do", "/evaluation/agreements/{dsaId}/dictionary.sps",
            // The API (issue 18): its clients are systems named by their organisation, and its documentation. The
            // API's own calls are audited by the API (ApiEndpointsTest); staff sessions get 401 there.
            "/admin/api-clients", "/admin/api-clients/new", "/admin/api-clients/{id}/revoke", "/api/v1/openapi.json",
            "/api/v1/openapi.json/swagger-config", "/api-docs");

    /** Pages that list many people's records: one entry, naming each record shown (there may be none). */
    static final Set<String> LISTS = Set.of("/triage", "/cases", "/caseloads", "/reviews/overdue", "/referrals/mine",
            "/people", "/audit", "/performance/{programmeCode}/{yearStart}/responses",
            // A trial's follow-up due list (issue 16, H2): names each participant listed.
            "/trials/{trialId}/follow-ups");

    private static final Pattern RECORD_VARIABLE = Pattern.compile("\\{(id|[A-Za-z]+Id|version)}");
    private static final String NO_SUCH_RECORD = "999999999";

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final ApplicationContext context;

    @Autowired
    AuditedPagesTest(MockMvc mvc, JdbcClient jdbc, ApplicationContext context) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.context = context;
    }

    @Test
    void everyPageWithPersonalDataWritesOneEntryNamingWhatItShowedAndNotFoundWritesNone() throws Exception {
        Map<String, String> values = GetRoutes.values(context);
        Map<String, MockHttpSession> sessions = GetRoutes.sessions(mvc);
        List<String> routes = GetRoutes.of(context);
        assertThat(routes).containsAll(NO_PERSONAL_DATA).containsAll(LISTS);

        List<String> problems = new ArrayList<>();
        Set<String> reached = new TreeSet<>();
        for (String route : routes) {
            String path = GetRoutes.fill(route, values);
            for (Map.Entry<String, MockHttpSession> session : sessions.entrySet()) {
                String who = "GET " + path + " as " + session.getKey();
                Answer answer = request(path, session.getValue());
                if (!answer.shown()) {
                    expectNone(who, answer, problems);
                } else if (NO_PERSONAL_DATA.contains(route)) {
                    if (!answer.views().isEmpty()) {
                        problems.add(who + " is listed as showing no personal data but wrote " + answer.views());
                    }
                    if (answer.body().contains(values.get("surname"))) {
                        problems.add(who + " is listed as showing no personal data but shows the walk's person");
                    }
                } else {
                    reached.add(route);
                    expectOne(who, route, values, answer, problems);
                }
            }
            for (String missing : withMissingRecords(route, values)) {
                for (Map.Entry<String, MockHttpSession> session : sessions.entrySet()) {
                    Answer answer = request(missing, session.getValue());
                    if (!answer.shown()) {
                        expectNone("GET " + missing + " as " + session.getKey(), answer, problems);
                    }
                }
            }
        }
        // A refused programme on the referral page answers "not found" after the referral itself was found.
        MockHttpSession coach = sessions.get(SignIn.BURY_COACH);
        String tampered = "/referrals/" + values.get("referrals") + "?programmeId=" + NO_SUCH_RECORD;
        expectNone("GET " + tampered, request(tampered, coach), problems);

        Set<String> personal = new TreeSet<>(routes);
        personal.removeAll(NO_PERSONAL_DATA);
        // The JSON API answers API clients' tokens only (a staff session gets 401): ApiEndpointsTest checks its audit.
        personal.removeIf(route -> route.startsWith("/api/"));
        Set<String> unreached = new TreeSet<>(personal);
        unreached.removeAll(reached);
        System.out.println("AuditedPagesTest: " + routes.size() + " GET routes, " + personal.size()
                + " with personal data, " + reached.size() + " reached; not reached: " + unreached);
        assertThat(problems).isEmpty();
        // The walk makes a record at every stage a page needs (GetRoutes), so every page with personal data is opened
        // by someone: a page nobody can open would go unchecked.
        assertThat(unreached).as("pages with personal data no account could open").isEmpty();
        // The queue shows 50 a page, soonest due first: found by its reference, the walk's referral is on the first.
        String reference = jdbc.sql("SELECT reference FROM referral WHERE id = ?")
                .param(Long.parseLong(values.get("referrals"))).query(String.class).single();
        expectListNames("/triage?q=" + reference, SignIn.BURY_COACH, "referral", values.get("referrals"), sessions);
        expectListNames("/cases", SignIn.BURY_COACH, "case", values.get("cases"), sessions);
        expectListNames("/caseloads", SignIn.BURY_MANAGER, "person", values.get("people"), sessions);
        expectListNames("/caseloads?practitioner=" + values.get("people"), SignIn.BURY_MANAGER, "case",
                values.get("cases"), sessions);
        expectListNames("/people", SignIn.GM_ADMIN, "person", values.get("people"), sessions);
    }

    private void expectNone(String who, Answer answer, List<String> problems) {
        if (!answer.views().isEmpty()) {
            problems.add(who + " answered " + answer.status() + " but wrote " + answer.views());
        }
    }

    private void expectOne(String who, String route, Map<String, String> values, Answer answer,
            List<String> problems) {
        if (answer.views().size() != 1) {
            problems.add(who + " showed personal data and wrote " + answer.views().size() + " VIEW entries, not 1");
            return;
        }
        View view = answer.views().get(0);
        if (LISTS.contains(route)) {
            if (view.recordId() != null) {
                problems.add(who + " is a list but its entry names one record: " + view);
            }
            return;
        }
        Set<String> named = new TreeSet<>(view.records());
        if (view.recordId() != null) {
            named.add(view.recordId());
        }
        String id = route.contains("{id}") ? GetRoutes.fill(route.substring(0, route.indexOf("{id}") + 4), values)
                .replaceAll(".*/", "") : null;
        // A claim is named by its agreement and quarter ("12 Q1 2026/27"): the agreement's id is its first word.
        if (named.isEmpty() || (id != null && named.stream().noneMatch(n -> n.equals(id) || n.startsWith(id + " ")))) {
            problems.add(who + " wrote an entry that does not name the record shown (" + id + "): " + view);
        }
    }

    private void expectListNames(String path, String account, String type, String id,
            Map<String, MockHttpSession> sessions) throws Exception {
        Answer answer = request(path, sessions.get(account));
        assertThat(answer.views()).as("GET %s as %s", path, account).hasSize(1);
        assertThat(jdbc.sql("SELECT record_id FROM audit_event_record WHERE audit_event_id = ? AND record_type = ?")
                .param(answer.views().get(0).id()).param(type).query(String.class).list())
                .as("records named by GET %s as %s", path, account).contains(id);
    }

    /** The route once for each record id in it, with that id replaced by one no record has. */
    private static List<String> withMissingRecords(String route, Map<String, String> values) {
        List<String> paths = new ArrayList<>();
        Matcher m = RECORD_VARIABLE.matcher(route);
        while (m.find()) {
            paths.add(GetRoutes.fill(route.substring(0, m.start()), values) + NO_SUCH_RECORD
                    + GetRoutes.fill(route.substring(m.end()), values));
        }
        return paths;
    }

    private Answer request(String path, MockHttpSession session) throws Exception {
        long before = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM audit_event").query(Long.class).single();
        var response = mvc.perform(get(path).session(session)).andReturn().getResponse();
        int status = response.getStatus();
        List<View> views = jdbc.sql("""
                SELECT id, record_type, record_id FROM audit_event WHERE id > ? AND action = 'VIEW' ORDER BY id
                """).param(before).query((rs, n) -> new View(rs.getLong("id"), rs.getString("record_type"),
                rs.getString("record_id"), jdbc.sql("SELECT record_id FROM audit_event_record WHERE audit_event_id = ?")
                        .param(rs.getLong("id")).query(String.class).list())).list();
        return new Answer(status, views, response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
    }

    private record Answer(int status, List<View> views, String body) {

        boolean shown() {
            return status >= 200 && status < 300;
        }
    }

    private record View(long id, String recordType, String recordId, List<String> records) {
    }
}
