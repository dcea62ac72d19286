package org.workhealth.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.workhealth.TestData.today;
import static org.workhealth.casework.OutcomeTestCases.date;
import static org.workhealth.casework.OutcomeTestCases.postTo;

import java.time.LocalDate;
import java.util.List;
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
import org.workhealth.SignIn;
import org.workhealth.milestone.Milestone;
import org.workhealth.milestone.MilestoneFilter;
import org.workhealth.milestone.MilestoneType;
import org.workhealth.milestone.Milestones;
import org.workhealth.milestone.NewMilestone;
import org.workhealth.milestone.PeriodLocks;
import org.workhealth.organisation.Organisations;
import org.workhealth.programme.Programmes;
import org.workhealth.programme.SupportType;
import org.workhealth.referral.EmploymentStatus;
import org.workhealth.referral.internal.ReferralIntake;

/**
 * Correcting a milestone from the case page: "Correct" on the timeline, the question, check answers, and the
 * milestone moved or withdrawn with its reason, audited; a locked period refuses it next to the date.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MilestoneCorrectionTest {

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final Milestones milestones;
    private final PeriodLocks locks;
    private final OutcomeTestCases cases;

    @Autowired
    MilestoneCorrectionTest(MockMvc mvc, JdbcClient jdbc, Milestones milestones, PeriodLocks locks,
            ReferralIntake intake, Programmes programmes, Organisations organisations, Casework casework) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.milestones = milestones;
        this.locks = locks;
        this.cases = new OutcomeTestCases(jdbc, intake, programmes, organisations, casework);
    }

    @Test
    void aJobStartMovedToTheRightDateStaysOnTheTimelineAsCorrectedAndCountsOnItsNewDate() throws Exception {
        Given given = jobStartTenWeeksAgo();
        long caseId = given.caseId();
        long jobStart = given.jobStart();
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        String path = given.path();

        Document casePage = OutcomeTestCases.page(mvc, coach, "/cases/" + caseId);
        assertThat(casePage.select("#timeline a[href=" + path + "]").text()).startsWith("Correct");
        assertThat(OutcomeTestCases.page(mvc, coach, path).select("h1").text()).isEqualTo("Correct the job start");

        LocalDate moved = today().minusWeeks(8);
        Document check = Jsoup.parse(mvc.perform(date(postTo(path, coach).param("action", "DATE")
                .param("reason", "Payslip shows the later date"), "correctedOn", moved))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(check.select("h1").text()).isEqualTo("Check your answers before correcting the milestone");
        assertThat(check.text()).contains("Move it to " + org.workhealth.govuk.DateAnswer.format(moved),
                "Payslip shows the later date");
        assertThat(current(caseId)).extracting(Milestone::id).containsExactly(jobStart);

        mvc.perform(date(postTo(path + "/confirm", coach).param("action", "DATE")
                .param("reason", "Payslip shows the later date"), "correctedOn", moved))
                .andExpect(redirectedUrl("/cases/" + caseId + "#timeline"));
        List<Milestone> now = current(caseId);
        assertThat(now).hasSize(1);
        assertThat(now.get(0).occurredOn()).isEqualTo(moved);
        assertThat(now.get(0).supersedesId()).isEqualTo(jobStart);
        assertThat(cases.count("SELECT COUNT(*) FROM milestone_first WHERE case_id = ? AND type = 'JOB_START' "
                + "AND occurred_on = ?", caseId, java.sql.Date.valueOf(moved))).isEqualTo(1);
        assertThat(cases.count("SELECT COUNT(*) FROM audit_event WHERE action = 'SUPERSEDE' AND detail LIKE ?",
                "%Payslip shows the later date%")).isEqualTo(1);

        Document after = OutcomeTestCases.page(mvc, coach, "/cases/" + caseId);
        assertThat(after.select("#timeline").text()).contains("Job start (corrected)",
                "Corrected to " + org.workhealth.govuk.DateAnswer.format(moved), "Payslip shows the later date");
        // The old one can no longer be corrected: it answers "not found".
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path).session(coach))
                .andExpect(status().isNotFound());
    }

    @Test
    void aJobStartRecordedInErrorIsWithdrawnWithItsReasonAndNoLongerCounts() throws Exception {
        Given given = jobStartTenWeeksAgo();
        long caseId = given.caseId();
        long jobStart = given.jobStart();
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        String path = given.path();

        mvc.perform(postTo(path + "/confirm", coach).param("action", "WITHDRAW")
                .param("reason", "Recorded on the wrong person's case"))
                .andExpect(redirectedUrl("/cases/" + caseId + "#timeline"));
        assertThat(current(caseId)).isEmpty();
        assertThat(cases.count("SELECT COUNT(*) FROM milestone_first WHERE case_id = ?", caseId)).isZero();
        assertThat(milestones.history(caseId)).hasSize(2);
        assertThat(cases.count("SELECT COUNT(*) FROM audit_event WHERE action = 'WITHDRAW' AND record_id = ?",
                String.valueOf(jobStart))).isEqualTo(1);
        Document after = OutcomeTestCases.page(mvc, coach, "/cases/" + caseId);
        assertThat(after.select("#timeline").text()).contains("Job start (withdrawn)", "Withdrawn by",
                "Recorded on the wrong person's case");
    }

    @Test
    void aReasonIsNeededAndKeptShortAndNothingIsSavedWithoutOne() throws Exception {
        Given given = jobStartTenWeeksAgo();
        long caseId = given.caseId();
        long jobStart = given.jobStart();
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        String path = given.path();

        Document noReason = Jsoup.parse(mvc.perform(postTo(path + "/confirm", coach).param("action", "WITHDRAW")
                .param("reason", "  ")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(noReason.title()).startsWith("Error: ");
        assertThat(noReason.select(".govuk-error-summary a[href=#reason]").text())
                .isEqualTo("Enter why the job start is being corrected");
        assertThat(noReason.select("input[name=action][value=WITHDRAW]").attr("checked")).isNotNull();
        Document tooLong = Jsoup.parse(mvc.perform(postTo(path, coach).param("action", "WITHDRAW")
                .param("reason", "x".repeat(501))).andReturn().getResponse().getContentAsString());
        assertThat(tooLong.select("#reason-error").text()).contains("500 characters or fewer");
        Document control = Jsoup.parse(mvc.perform(postTo(path, coach).param("action", "WITHDRAW")
                .param("reason", "bad\u0007bell")).andReturn().getResponse().getContentAsString());
        // Control characters are stripped where every form is bound (docs/security.md, "Input handling").
        assertThat(control.select("#reason-error")).isEmpty();
        assertThat(control.text()).contains("badbell").doesNotContain("\u0007");
        Document noAction = Jsoup.parse(mvc.perform(postTo(path, coach).param("action", "OTHER")
                .param("reason", "Wrong")).andReturn().getResponse().getContentAsString());
        assertThat(noAction.select(".govuk-error-summary a[href=#action]").text())
                .isEqualTo("Select what is wrong with the job start");
        assertThat(current(caseId)).extracting(Milestone::id).containsExactly(jobStart);
    }

    @Test
    void aCorrectionInALockedPeriodIsRefusedNextToTheDateAndNothingIsSaved() throws Exception {
        OutcomeTestCases.Setup setup = cases.programme(SupportType.LOW_INTENSITY);
        long caseId = cases.open(setup, EmploymentStatus.UNEMPLOYED, today().minusWeeks(20));
        long jobStart = jobStart(setup, caseId, today().minusWeeks(4));
        locks.lock(List.of(setup.contractId()), today().minusWeeks(12), today().minusWeeks(7),
                "Correction test return approved", cases.personId(SignIn.GM_COMMISSIONER));
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        String path = "/cases/" + caseId + "/milestones/" + jobStart + "/correct";

        Document refused = Jsoup.parse(mvc.perform(date(postTo(path + "/confirm", coach).param("action", "DATE")
                .param("reason", "Started earlier"), "correctedOn", today().minusWeeks(10)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(refused.select("#correctedOn-error").text()).contains("Correction test return approved");
        assertThat(refused.select("textarea[name=reason]").text()).isEqualTo("Started earlier");
        assertThat(current(caseId)).extracting(Milestone::id).containsExactly(jobStart);
        assertThat(milestones.history(caseId)).hasSize(1);
    }

    /** Someone else's case's milestone, or a case out of scope, answers "not found". */
    @Test
    void aMilestoneOfAnotherCaseIsNotFound() throws Exception {
        OutcomeTestCases.Setup setup = cases.programme(SupportType.LOW_INTENSITY);
        long caseId = cases.open(setup, EmploymentStatus.UNEMPLOYED, today().minusWeeks(20));
        long other = cases.open(setup, EmploymentStatus.UNEMPLOYED, today().minusWeeks(20));
        long jobStart = jobStart(setup, other, today().minusWeeks(10));
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        mvc.perform(postTo("/cases/" + caseId + "/milestones/" + jobStart + "/correct/confirm", coach)
                .param("action", "WITHDRAW").param("reason", "Wrong")).andExpect(status().isNotFound());
        MockHttpSession specialist = SignIn.as(mvc, OutcomeTestCases.BCHFT_SPECIALIST);
        mvc.perform(postTo("/cases/" + other + "/milestones/" + jobStart + "/correct/confirm", specialist)
                .param("action", "WITHDRAW").param("reason", "Wrong")).andExpect(status().isNotFound());
        assertThat(current(other)).extracting(Milestone::id).containsExactly(jobStart);
    }

    /** A case of its own with a job start ten weeks ago, and the path of the page that corrects it. */
    private record Given(long caseId, long jobStart, String path) {
    }

    private Given jobStartTenWeeksAgo() {
        OutcomeTestCases.Setup setup = cases.programme(SupportType.LOW_INTENSITY);
        long caseId = cases.open(setup, EmploymentStatus.UNEMPLOYED, today().minusWeeks(20));
        long jobStart = jobStart(setup, caseId, today().minusWeeks(10));
        return new Given(caseId, jobStart, "/cases/" + caseId + "/milestones/" + jobStart + "/correct");
    }

    private long jobStart(OutcomeTestCases.Setup setup, long caseId, LocalDate on) {
        long referral = jdbc.sql("SELECT referral_id FROM support_case WHERE id = ?").param(caseId)
                .query(Long.class).single();
        return milestones.record(new NewMilestone(MilestoneType.JOB_START, caseId, referral, setup.programmeId(),
                setup.contractId(), cases.buryLiveWell(), on, Map.of("in_work", "true"),
                cases.personId(SignIn.BURY_COACH)));
    }

    private List<Milestone> current(long caseId) {
        return milestones.current(MilestoneFilter.forCase(caseId)).stream()
                .filter(m -> m.type() == MilestoneType.JOB_START).toList();
    }
}
