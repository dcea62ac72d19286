package org.workhealth.casework;

import org.workhealth.MilestoneText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.workhealth.TestData.today;
import static org.workhealth.casework.OutcomeTestCases.date;
import static org.workhealth.casework.OutcomeTestCases.jobStart;
import static org.workhealth.casework.OutcomeTestCases.page;
import static org.workhealth.casework.OutcomeTestCases.postTo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

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
import org.workhealth.organisation.Organisations;
import org.workhealth.programme.Programmes;
import org.workhealth.programme.SupportType;
import org.workhealth.referral.EmploymentStatus;
import org.workhealth.referral.internal.ReferralIntake;

/** Recording outcomes on a case: the milestones they write, IPS's paid-work rule and sustainment checks. */
@SpringBootTest
@AutoConfigureMockMvc
class OutcomesTest {

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final OutcomeTestCases cases;

    @Autowired
    OutcomesTest(MockMvc mvc, JdbcClient jdbc, ReferralIntake intake, Programmes programmes,
            Organisations organisations, Casework casework) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.cases = new OutcomeTestCases(jdbc, intake, programmes, organisations, casework);
    }

    @Test
    void unpaidWorkOnAnIpsProgrammeIsRecordedButWritesNoJobStartAndThePageSaysWhy() throws Exception {
        long caseId = cases.open(cases.programme(SupportType.INTENSIVE_IPS), EmploymentStatus.UNEMPLOYED,
                today().minusWeeks(4));
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);

        Document form = page(mvc, coach, "/cases/" + caseId + "/outcomes?kind=JOB_START");
        assertThat(form.select("h1").text()).isEqualTo("Outcomes");
        assertThat(form.select(".govuk-inset-text").text()).contains("only paid work counts as a job start");
        assertThat(form.select("#paid-hint").text()).contains("unpaid work is recorded but writes no job start");
        assertThat(form.select("select[name=sector] option").eachText())
                .contains("Q: Human health and social work activities", "A: Agriculture, forestry and fishing");
        assertThat(form.select(".govuk-back-link").attr("href")).isEqualTo("/cases/" + caseId);

        MvcResult result = mvc.perform(jobStart(coach, caseId, today().minusDays(1), "no"))
                .andExpect(redirectedUrl("/cases/" + caseId + "/outcomes")).andReturn();
        assertThat((String) result.getFlashMap().get("notice")).startsWith("Job start recorded. ")
                .contains("only paid work counts as a job start");

        assertThat(cases.count("SELECT COUNT(*) FROM case_outcome WHERE case_id = ? AND kind = 'JOB_START' "
                + "AND paid = FALSE AND milestone_id IS NULL", caseId)).isEqualTo(1);
        assertThat(cases.count("SELECT COUNT(*) FROM milestone WHERE case_id = ? AND type = 'JOB_START'", caseId))
                .isZero();
        assertThat(cases.count("SELECT COUNT(*) FROM sustainment_check WHERE case_id = ?", caseId)).isZero();
        Document page = page(mvc, coach, "/cases/" + caseId + "/outcomes");
        assertThat(page.select("#outcomes").text()).contains("Care assistant at Bury Care Homes", "unpaid",
                "Not counted: unpaid work does not count as a job start on an IPS programme");
    }

    @Test
    void paidWorkWritesAJobStartAndSchedulesTheChecksThatWriteSustainmentMilestones() throws Exception {
        long caseId = cases.open(cases.programme(SupportType.INTENSIVE_IPS), EmploymentStatus.UNEMPLOYED,
                today().minusWeeks(40));
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        LocalDate started = today().minusWeeks(30);

        mvc.perform(jobStart(coach, caseId, started, "yes")).andExpect(redirectedUrl("/cases/" + caseId + "/outcomes"));

        Map<String, Object> milestone = jdbc.sql("SELECT * FROM milestone WHERE case_id = ? AND type = 'JOB_START'")
                .param(caseId).query().singleRow();
        assertThat(milestone).containsEntry("occurred_on", java.sql.Date.valueOf(started));
        assertThat(MilestoneText.of(jdbc, (Long) milestone.get("id"))).isEqualTo("in_work_at_referral=false;paid=true;sector=Q;"
                + "contract_type=PERMANENT;hours_a_week=16.5;employer=Bury Care Homes; Ltd;job_title=Care assistant;"
                + "evidence=Contract seen");
        assertThat(jdbc.sql("SELECT due_on FROM sustainment_check WHERE case_id = ? ORDER BY weeks").param(caseId)
                .query(LocalDate.class).list()).containsExactly(started.plusWeeks(13), started.plusWeeks(26));

        // The case timeline names the sector and contract, not their codes.
        String timeline = page(mvc, coach, "/cases/" + caseId).select("#timeline").text();
        assertThat(timeline).contains("sector: Human health and social work activities", "contract type: Permanent",
                "paid: yes").doesNotContain("sector: Q").doesNotContain("PERMANENT").doesNotContain("true");

        Document page = page(mvc, coach, "/cases/" + caseId + "/outcomes");
        assertThat(page.select("#checks").text()).contains("13 weeks", "26 weeks", "Not checked yet");
        assertThat(page.select("form legend").eachText()).contains("Record the 13-week check for the job with "
                + "Bury Care Homes; Ltd, due " + org.workhealth.govuk.DateAnswer.format(started.plusWeeks(13)));
        List<Long> checks = jdbc.sql("SELECT id FROM sustainment_check WHERE case_id = ? ORDER BY weeks")
                .param(caseId).query(Long.class).list();

        // A check cannot be answered before it falls due, nor without an answer.
        Document early = html(mvc.perform(date(postTo("/cases/" + caseId + "/outcomes/checks/" + checks.get(0),
                coach), "checkedOn", started.plusWeeks(12))).andExpect(status().isOk()).andReturn());
        assertThat(early.select(".govuk-error-summary a").eachText()).containsExactly(
                "Select whether they are still in work", "Date of the check must be on or after "
                        + org.workhealth.govuk.DateAnswer.format(started.plusWeeks(13)) + ", when the check is due");

        check(coach, caseId, checks.get(0), "yes");
        check(coach, caseId, checks.get(1), "no");
        check(coach, caseId, checks.get(0), "yes"); // once only

        assertThat(jdbc.sql("SELECT occurred_on FROM milestone WHERE case_id = ? AND type = 'SUSTAINMENT_13_WEEKS'")
                .param(caseId).query(LocalDate.class).list()).containsExactly(started.plusWeeks(13));
        assertThat(cases.count("SELECT COUNT(*) FROM milestone WHERE case_id = ? AND type = 'SUSTAINMENT_26_WEEKS'",
                caseId)).isZero();
        Document after = page(mvc, coach, "/cases/" + caseId + "/outcomes");
        assertThat(after.select("#checks").text()).contains("Still in work on", "No longer in work on");
        assertThat(after.select("main form")).isEmpty();
        assertThat(cases.count("SELECT COUNT(*) FROM audit_event WHERE action = 'SUSTAINMENT_CHECK' "
                + "AND record_type = 'sustainment_check' AND record_id = ?", String.valueOf(checks.get(0))))
                .isEqualTo(1);
    }

    @Test
    void aJobStartNeedsItsDetails() throws Exception {
        long caseId = cases.open(cases.programme(SupportType.LOW_INTENSITY), EmploymentStatus.UNEMPLOYED,
                today().minusWeeks(4));
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);

        Document page = html(mvc.perform(postTo("/cases/" + caseId + "/outcomes", coach).param("kind", "JOB_START")
                .param("jobTitle", "Chef").param("hoursAWeek", "lots")).andExpect(status().isOk()).andReturn());
        assertThat(page.title()).startsWith("Error: ");
        assertThat(page.select(".govuk-error-summary a").eachText()).containsExactly("Enter the start date",
                "Enter the employer", "Select the sector", "Hours a week must be a number, like 16 or 37.5",
                "Select the type of contract", "Select whether the work is paid");
        assertThat(page.select("input[name=jobTitle]").val()).isEqualTo("Chef");
        assertThat(cases.count("SELECT COUNT(*) FROM case_outcome WHERE case_id = ?", caseId)).isZero();

        // Unpaid work counts as a job start outside IPS.
        mvc.perform(jobStart(coach, caseId, today(), "no")).andExpect(status().is3xxRedirection());
        assertThat(MilestoneText.ofOnly(jdbc, caseId, "JOB_START")).contains("paid=false");
    }

    @Test
    void retentionIsOnlyForPeopleInWorkAtReferralAndNeedsEvidence() throws Exception {
        OutcomeTestCases.Setup setup = cases.programme(SupportType.INTENSIVE_IPS);
        long outOfWork = cases.open(setup, EmploymentStatus.UNEMPLOYED, today().minusWeeks(4));
        long inWork = cases.open(setup, EmploymentStatus.OFF_SICK, today().minusWeeks(4));
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);

        assertThat(page(mvc, coach, "/cases/" + outOfWork + "/outcomes").select("#outcome-kinds a").eachText())
                .containsExactly("Record a job start", "Record an education or training start",
                        "Record a volunteering start");
        mvc.perform(date(postTo("/cases/" + outOfWork + "/outcomes", coach).param("kind", "JOB_RETENTION")
                .param("evidence", "Payslip"), "occurredOn", today())).andExpect(status().is3xxRedirection());
        assertThat(cases.count("SELECT COUNT(*) FROM case_outcome WHERE case_id = ?", outOfWork)).isZero();
        assertThat(cases.count("SELECT COUNT(*) FROM milestone WHERE case_id = ?", outOfWork)).isZero();

        assertThat(page(mvc, coach, "/cases/" + inWork + "/outcomes").select("#outcome-kinds a").eachText())
                .contains("Record a job retention");
        Document missing = html(mvc.perform(date(postTo("/cases/" + inWork + "/outcomes", coach)
                .param("kind", "JOB_RETENTION"), "occurredOn", today())).andExpect(status().isOk()).andReturn());
        assertThat(missing.select(".govuk-error-summary a").eachText())
                .containsExactly("Enter the evidence that they are still in work");

        // Kept whole and as written, ';' and all: it was cut to 300 characters and ';' made ','.
        String evidence = "Back at work; payslip seen. " + "Their manager confirmed the hours by phone. ".repeat(8);
        mvc.perform(date(postTo("/cases/" + inWork + "/outcomes", coach).param("kind", "JOB_RETENTION")
                .param("evidence", evidence), "occurredOn", today().minusDays(2)))
                .andExpect(redirectedUrl("/cases/" + inWork + "/outcomes"));
        Map<String, Object> milestone = jdbc.sql("SELECT * FROM milestone WHERE case_id = ?").param(inWork).query()
                .singleRow();
        assertThat(milestone).containsEntry("type", "JOB_RETENTION")
                .containsEntry("contract_id", setup.contractId());
        assertThat(MilestoneText.of(jdbc, (Long) milestone.get("id"))).isEqualTo("in_work_at_referral=true;in_work_on="
                + today().minusDays(2) + ";evidence=" + evidence.strip());
        assertThat(page(mvc, coach, "/cases/" + inWork + "/outcomes").select("#outcomes").text())
                .contains("Job retention", "Still in work. Evidence: Back at work; payslip seen", "Recorded");
    }

    @Test
    void educationAndVolunteeringWriteTheirMilestones() throws Exception {
        long caseId = cases.open(cases.programme(SupportType.LOW_INTENSITY), EmploymentStatus.UNEMPLOYED,
                today().minusWeeks(4));
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);

        mvc.perform(date(postTo("/cases/" + caseId + "/outcomes", coach).param("kind", "EDUCATION_START")
                .param("description", "Level 2 English at Bury College"), "occurredOn", today()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(date(postTo("/cases/" + caseId + "/outcomes", coach).param("kind", "VOLUNTEERING_START")
                .param("description", "Food bank helper").param("evidence", "Rota seen"), "occurredOn", today()))
                .andExpect(status().is3xxRedirection());

        assertThat(jdbc.sql("SELECT id, type FROM milestone WHERE case_id = ? ORDER BY id").param(caseId)
                .query((rs, n) -> rs.getString(2) + " " + MilestoneText.of(jdbc, rs.getLong(1))).list()).containsExactly(
                        "EDUCATION_START in_work_at_referral=false;description=Level 2 English at Bury College",
                        "VOLUNTEERING_START in_work_at_referral=false;description=Food bank helper;evidence=Rota seen");
        assertThat(page(mvc, coach, "/cases/" + caseId).select("table").text())
                .contains("Education or training start", "Volunteering start");
    }

    @Test
    void aPractitionerOfAnotherProviderGetsNotFoundAndChangesNothing() throws Exception {
        long caseId = cases.open(cases.programme(SupportType.INTENSIVE_IPS), EmploymentStatus.UNEMPLOYED,
                today().minusWeeks(40));
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        mvc.perform(jobStart(coach, caseId, today().minusWeeks(30), "yes")).andExpect(status().is3xxRedirection());
        long checkId = jdbc.sql("SELECT id FROM sustainment_check WHERE case_id = ? AND weeks = 13").param(caseId)
                .query(Long.class).single();
        MockHttpSession specialist = SignIn.as(mvc, OutcomeTestCases.BCHFT_SPECIALIST);

        mvc.perform(get("/cases/" + caseId + "/outcomes").session(specialist)).andExpect(status().isNotFound());
        mvc.perform(jobStart(specialist, caseId, today(), "yes")).andExpect(status().isNotFound());
        mvc.perform(date(postTo("/cases/" + caseId + "/outcomes/checks/" + checkId, specialist)
                .param("stillInWork", "yes"), "checkedOn", today())).andExpect(status().isNotFound());

        assertThat(cases.count("SELECT COUNT(*) FROM case_outcome WHERE case_id = ?", caseId)).isEqualTo(1);
        assertThat(cases.count("SELECT COUNT(*) FROM sustainment_check WHERE case_id = ? AND checked_on IS NOT NULL",
                caseId)).isZero();
        assertThat(cases.count("SELECT COUNT(*) FROM milestone WHERE case_id = ?", caseId)).isEqualTo(1);

        // A check id from another case is not found either.
        long otherCase = cases.open(cases.programme(SupportType.INTENSIVE_IPS), EmploymentStatus.UNEMPLOYED,
                today().minusWeeks(4));
        mvc.perform(date(postTo("/cases/" + otherCase + "/outcomes/checks/" + checkId, coach)
                .param("stillInWork", "yes"), "checkedOn", today())).andExpect(status().isNotFound());
    }

    // --- helpers ---

    private void check(MockHttpSession session, long caseId, long checkId, String stillInWork) throws Exception {
        mvc.perform(date(postTo("/cases/" + caseId + "/outcomes/checks/" + checkId, session)
                .param("stillInWork", stillInWork), "checkedOn", today()))
                .andExpect(redirectedUrl("/cases/" + caseId + "/outcomes"));
    }

    private static Document html(MvcResult result) throws Exception {
        return org.jsoup.Jsoup.parse(result.getResponse().getContentAsString());
    }
}
