package org.workhealth.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.workhealth.TestData.letters;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.workhealth.SignIn;
import org.workhealth.casework.Casework;
import org.workhealth.milestone.MilestoneType;
import org.workhealth.milestone.Milestones;
import org.workhealth.milestone.NewMilestone;
import org.workhealth.organisation.Organisations;
import org.workhealth.programme.Contract;
import org.workhealth.programme.Programmes;
import org.workhealth.referral.internal.ReferralIntake;

/** An administrator erases a person's referral and case on their request, where the law allows. */
@SpringBootTest
@AutoConfigureMockMvc
class ErasureOnRequestTest {

    /** In the demo's WW-BURY-2024 contract (October 2024 to March 2026), in a quarter no demo return locks. */
    static final LocalDate ENGAGED_ON = LocalDate.of(2026, 1, 15);

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final Milestones milestones;
    private final Programmes programmes;
    private final RetentionTestCases cases;

    @Autowired
    ErasureOnRequestTest(MockMvc mvc, JdbcClient jdbc, Milestones milestones, ReferralIntake intake,
            Programmes programmes, Organisations organisations, Casework casework) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.milestones = milestones;
        this.programmes = programmes;
        this.cases = new RetentionTestCases(jdbc, intake, programmes, organisations, casework);
    }

    @Test
    void erasesTheReferralAndCaseWithTheReasonAndTheKpiFiguresStayTheSame() throws Exception {
        MockHttpSession manager = SignIn.as(mvc, SignIn.BURY_MANAGER);
        String before = kpiTable(manager);
        RetentionTestCases.TestCase testCase = cases.openCase(RetentionTestCases.BURY, SignIn.BURY_COACH);
        LocalDate engagedOn = ENGAGED_ON;
        long ww = programmes.findByCode("WW").orElseThrow().id();
        long bury = cases.org(RetentionTestCases.BURY);
        Contract contract = programmes.liveContract(ww, bury, engagedOn).orElseThrow();
        milestones.record(new NewMilestone(MilestoneType.ENGAGEMENT, testCase.caseId(), testCase.referralId(), ww,
                contract.id(), bury, engagedOn, Map.of("in_work", "false"), null));
        cases.close(testCase, engagedOn.plusDays(1));
        String counted = kpiTable(manager);
        assertThat(counted).as("the case's engagement counts").isNotEqualTo(before);

        MockHttpSession admin = SignIn.as(mvc, SignIn.GM_ADMIN);
        Document found = page(admin, "/admin/erasure?reference=" + testCase.reference().toLowerCase());
        assertThat(found.select("#subject").text()).contains("A referral and its case", "Closed", "Legal hold No");
        assertThat(found.text()).doesNotContain(testCase.lastName());
        assertThat(found.select("#refusal")).isEmpty();

        // The reason and the confirmation are both needed.
        Document missing = Jsoup.parse(mvc.perform(post("/admin/erasure").param("reference", testCase.reference())
                .session(admin).with(csrf())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(missing.select(".govuk-error-summary a").eachText()).containsExactly(
                "Enter why the records are being erased", "Confirm that the law allows these records to be erased");
        assertThat(lastNameCount(testCase)).isOne();

        MvcResult erased = mvc.perform(post("/admin/erasure").param("reference", testCase.reference())
                .param("reason", "Asked on the phone on 1 December; no longer needed").param("confirm", "yes")
                .session(admin).with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
        String report = erased.getResponse().getRedirectedUrl();
        assertThat(report).startsWith("/admin/retention/runs/");

        assertThat(lastNameCount(testCase)).isZero();
        assertThat(cases.count("SELECT COUNT(*) FROM support_case WHERE id = ? AND erased_at IS NOT NULL",
                testCase.caseId())).isOne();
        assertThat(cases.count("SELECT COUNT(*) FROM contact_note WHERE case_id = ?", testCase.caseId())).isZero();
        assertThat(kpiTable(manager)).as("figures after erasure").isEqualTo(counted);
        assertThat(page(manager, "/cases/" + testCase.caseId()).select(".govuk-summary-list").first().text())
                .contains("Personal data Erased").doesNotContain(testCase.lastName());
        assertThat(cases.count("SELECT COUNT(*) FROM audit_event WHERE action = 'ERASE' AND record_type = 'case' "
                + "AND record_id = ? AND detail LIKE 'Erased on request: Asked on the phone%'", testCase.reference()))
                .isOne();

        Document run = page(admin, report);
        assertThat(run.select("#run").text()).contains("On request", testCase.reference(), "Asked on the phone");
        assertThat(run.select("#counts tbody tr").eachText()).containsExactly("Case files On request 1 0");

        // Erased once: the page says so and a second request changes nothing.
        Document again = page(admin, "/admin/erasure?reference=" + testCase.reference());
        assertThat(again.select("#refusal").text()).contains("has already been erased");
    }

    @Test
    void refusedWhileTheCaseIsOpenOrUnderALegalHoldAndThePageSaysWhy() throws Exception {
        RetentionTestCases.TestCase testCase = cases.openCase(RetentionTestCases.BURY, SignIn.BURY_COACH);
        MockHttpSession admin = SignIn.as(mvc, SignIn.GM_ADMIN);

        Document open = page(admin, "/admin/erasure?reference=" + testCase.reference());
        assertThat(open.select("#refusal").text()).contains("is still open");
        assertThat(open.select("main form[method=post]")).isEmpty();
        mvc.perform(erase(admin, testCase.reference())).andExpect(status().isOk());
        assertThat(lastNameCount(testCase)).isOne();

        cases.close(testCase, LocalDate.now(RetentionTestCases.LONDON).minusDays(1));
        mvc.perform(post("/cases/" + testCase.caseId() + "/legal-hold").param("reason", "Tribunal claim")
                .session(SignIn.as(mvc, SignIn.BURY_MANAGER)).with(csrf())).andExpect(status().is3xxRedirection());
        Document held = page(admin, "/admin/erasure?reference=" + testCase.reference());
        assertThat(held.select("#refusal").text()).contains("is under a legal hold");
        mvc.perform(erase(admin, testCase.reference())).andExpect(status().isOk());
        assertThat(lastNameCount(testCase)).isOne();

        // A referral still waiting for triage cannot be erased either.
        ReferralIntake.Submitted waiting = cases.referral("Waiting" + letters(6),
                RetentionTestCases.BURY);
        assertThat(page(admin, "/admin/erasure?reference=" + waiting.reference()).select("#refusal").text())
                .contains("is still open: it waits for triage or first contact");
    }

    @Test
    void anotherOrganisationsAdministratorCannotFindOrEraseAndAGetNeverErases() throws Exception {
        RetentionTestCases.TestCase wmcaCase = cases.openCase(RetentionTestCases.BCHFT,
                "specialist@bchft.workhealth.example");
        cases.close(wmcaCase, LocalDate.now(RetentionTestCases.LONDON).minusDays(1));
        MockHttpSession gmAdmin = SignIn.as(mvc, SignIn.GM_ADMIN);

        Document notFound = page(gmAdmin, "/admin/erasure?reference=" + wmcaCase.reference());
        assertThat(notFound.select(".govuk-error-summary").text())
                .contains("There is no referral or case with that reference in your organisations");
        mvc.perform(erase(gmAdmin, wmcaCase.reference())).andExpect(status().isOk());
        assertThat(lastNameCount(wmcaCase)).isOne();

        // People without the retention role do not get the page at all.
        for (String email : new String[] {SignIn.BURY_MANAGER, "manager@bchft.workhealth.example", SignIn.NATIONAL}) {
            MockHttpSession session = SignIn.as(mvc, email);
            mvc.perform(get("/admin/erasure").session(session)).andExpect(status().isNotFound());
            mvc.perform(erase(session, wmcaCase.reference())).andExpect(status().isNotFound());
        }
        assertThat(lastNameCount(wmcaCase)).isOne();

        // A GET carrying everything a POST would, even from the national administrator, erases nothing.
        MockHttpSession national = SignIn.as(mvc, SignIn.NATIONAL_ADMIN);
        mvc.perform(get("/admin/erasure").param("reference", wmcaCase.reference()).param("reason", "Asked")
                .param("confirm", "yes").session(national)).andExpect(status().isOk());
        assertThat(lastNameCount(wmcaCase)).isOne();
        mvc.perform(erase(national, wmcaCase.reference())).andExpect(status().is3xxRedirection());
        assertThat(lastNameCount(wmcaCase)).isZero();
    }

    private org.springframework.test.web.servlet.RequestBuilder erase(MockHttpSession session, String reference) {
        return post("/admin/erasure").param("reference", reference).param("reason", "Asked by the person")
                .param("confirm", "yes").session(session).with(csrf());
    }

    private int lastNameCount(RetentionTestCases.TestCase testCase) {
        return jdbc.sql("SELECT COUNT(*) FROM referral WHERE id = ? AND last_name = ?")
                .params(testCase.referralId(), testCase.lastName()).query(Integer.class).single();
    }

    private String kpiTable(MockHttpSession session) throws Exception {
        int year = org.workhealth.calendar.FinancialYear.containing(ENGAGED_ON).startYear();
        return page(session, "/performance/WW/" + year).select(".app-kpi-table").outerHtml();
    }

    private Document page(MockHttpSession session, String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
