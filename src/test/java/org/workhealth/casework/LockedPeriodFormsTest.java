package org.workhealth.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.workhealth.TestData.today;
import static org.workhealth.casework.OutcomeTestCases.date;
import static org.workhealth.casework.OutcomeTestCases.postTo;

import java.time.LocalDate;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.workhealth.SignIn;
import org.workhealth.govuk.DateAnswer;
import org.workhealth.milestone.PeriodLocks;
import org.workhealth.organisation.Organisations;
import org.workhealth.programme.Programmes;
import org.workhealth.programme.SupportType;
import org.workhealth.referral.EmploymentStatus;
import org.workhealth.referral.internal.ReferralIntake;

/**
 * A practitioner recording something dated in a period whose return the hub has approved sees why on the form, with
 * their answers kept, and nothing is saved; once the hub lifts the lock the same answers go through. The lock is on
 * this test's own contract, so no other test meets it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LockedPeriodFormsTest {

    private static final String WHY = "Outcomes test return approved";

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final PeriodLocks locks;
    private final OutcomeTestCases cases;

    @Autowired
    LockedPeriodFormsTest(MockMvc mvc, JdbcClient jdbc, PeriodLocks locks, ReferralIntake intake,
            Programmes programmes, Organisations organisations, Casework casework) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.locks = locks;
        this.cases = new OutcomeTestCases(jdbc, intake, programmes, organisations, casework);
    }

    @Test
    void aJobStartInALockedPeriodIsRefusedOnTheFormAndSavesNothingUntilTheHubUnlocksIt() throws Exception {
        OutcomeTestCases.Setup setup = cases.programme(SupportType.LOW_INTENSITY);
        long caseId = cases.open(setup, EmploymentStatus.UNEMPLOYED, today().minusWeeks(10));
        long lockId = lockSixToTwoWeeksAgo(setup);
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        LocalDate started = today().minusWeeks(4);

        Document page = html(mvc.perform(jobStart(coach, caseId, started)).andExpect(status().isOk()));

        String message = "You cannot record this on " + DateAnswer.format(started) + ": ";
        assertThat(page.title()).startsWith("Error: ");
        assertThat(page.select(".govuk-error-summary a").eachText()).singleElement().asString()
                .startsWith(message).contains(" is locked (" + WHY + "). Ask the hub to unlock it.");
        assertThat(page.select(".govuk-error-summary a").attr("href")).isEqualTo("#occurredOn-day");
        assertThat(page.select("#occurredOn-error").text()).contains(message);
        assertThat(page.select("input[name=employer]").val()).isEqualTo("Bury Care Homes");
        assertThat(page.select("input[name=jobTitle]").val()).isEqualTo("Care assistant");
        assertThat(page.select("input[name=occurredOnDay]").val()).isEqualTo(String.valueOf(started.getDayOfMonth()));
        assertNothingSaved(caseId);

        locks.lift(lockId, "Late job start evidence accepted by the hub", hub());
        mvc.perform(jobStart(coach, caseId, started)).andExpect(redirectedUrl("/cases/" + caseId + "/outcomes"));
        assertThat(cases.count("SELECT COUNT(*) FROM case_outcome WHERE case_id = ?", caseId)).isEqualTo(1);
        assertThat(cases.count("SELECT COUNT(*) FROM milestone WHERE case_id = ? AND type = 'JOB_START'", caseId))
                .isEqualTo(1);
    }

    @Test
    void aSustainmentCheckDueInALockedPeriodIsRefusedOnTheCheckForm() throws Exception {
        OutcomeTestCases.Setup setup = cases.programme(SupportType.LOW_INTENSITY);
        long caseId = cases.open(setup, EmploymentStatus.UNEMPLOYED, today().minusWeeks(20));
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        // The 13-week check falls due four weeks ago, inside the period locked below.
        mvc.perform(jobStart(coach, caseId, today().minusWeeks(17)))
                .andExpect(redirectedUrl("/cases/" + caseId + "/outcomes"));
        lockSixToTwoWeeksAgo(setup);
        long checkId = jdbc.sql("SELECT id FROM sustainment_check WHERE case_id = ? AND weeks = 13").param(caseId)
                .query(Long.class).single();

        Document page = html(mvc.perform(date(postTo("/cases/" + caseId + "/outcomes/checks/" + checkId, coach)
                .param("stillInWork", "yes"), "checkedOn", today())).andExpect(status().isOk()));

        assertThat(page.select(".govuk-error-summary a").text())
                .startsWith("You cannot record this on " + DateAnswer.format(today().minusWeeks(4)));
        assertThat(page.select("#checkedOn-error").text()).contains("Ask the hub to unlock it.");
        assertThat(cases.count("SELECT COUNT(*) FROM sustainment_check WHERE id = ? AND checked_on IS NULL", checkId))
                .isEqualTo(1);
        assertThat(cases.count("SELECT COUNT(*) FROM milestone WHERE case_id = ? AND type = 'SUSTAINMENT_13_WEEKS'",
                caseId)).isZero();
    }

    @Test
    void anExitInALockedPeriodLeavesTheCaseOpen() throws Exception {
        OutcomeTestCases.Setup setup = cases.programme(SupportType.LOW_INTENSITY);
        long caseId = cases.open(setup, EmploymentStatus.UNEMPLOYED, today().minusWeeks(10));
        lockSixToTwoWeeksAgo(setup);
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        LocalDate left = today().minusWeeks(3);

        Document page = html(mvc.perform(date(postTo("/cases/" + caseId + "/exit", coach).param("reason", "OTHER")
                .param("otherReason", "Moved in with family"), "exitedOn", left)).andExpect(status().isOk()));

        assertThat(page.select(".govuk-error-summary a").text())
                .startsWith("You cannot record this on " + DateAnswer.format(left));
        assertThat(page.select("#exitedOn-error").text()).contains("Ask the hub to unlock it.");
        assertThat(page.select("input[name=reason][value=OTHER]").hasAttr("checked")).isTrue();
        assertThat(cases.count("SELECT COUNT(*) FROM support_case WHERE id = ? AND status = 'OPEN'", caseId))
                .isEqualTo(1);
        assertThat(cases.count("SELECT COUNT(*) FROM case_event WHERE case_id = ?", caseId)).isZero();
        assertThat(cases.count("SELECT COUNT(*) FROM milestone WHERE case_id = ?", caseId)).isZero();

        // After the period, the same exit goes through.
        mvc.perform(date(postTo("/cases/" + caseId + "/exit", coach).param("reason", "WITHDREW"), "exitedOn",
                today().minusDays(1))).andExpect(redirectedUrl("/cases/" + caseId + "/exit"));
    }

    @Test
    void agreeingAPlanInALockedPeriodLeavesItADraft() throws Exception {
        OutcomeTestCases.Setup setup = cases.programme(SupportType.LOW_INTENSITY);
        long caseId = cases.open(setup, EmploymentStatus.UNEMPLOYED, today().minusWeeks(10));
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        LocalDate due = today().plusWeeks(2);
        mvc.perform(postTo("/cases/" + caseId + "/action-plan/edit", coach)
                .param("goals", "Find work in a kitchen").param("reviewIntervalWeeks", "4")
                .param("actionDescription", "Update CV", "").param("actionOwner", "PARTICIPANT", "")
                .param("actionDueDay", String.valueOf(due.getDayOfMonth()), "")
                .param("actionDueMonth", String.valueOf(due.getMonthValue()), "")
                .param("actionDueYear", String.valueOf(due.getYear()), "")
                .param("actionStatus", "NOT_STARTED", "NOT_STARTED"))
                .andExpect(status().is3xxRedirection());
        lockSixToTwoWeeksAgo(setup);
        LocalDate agreed = today().minusWeeks(5);

        Document page = html(mvc.perform(date(postTo("/cases/" + caseId + "/action-plan/agree", coach)
                .param("agreedHow", "IN_PERSON"), "agreedOn", agreed)).andExpect(status().isOk()));

        assertThat(page.select(".govuk-error-summary a").text())
                .startsWith("You cannot record this on " + DateAnswer.format(agreed));
        assertThat(page.select("#agreedOn-error").text()).contains("Ask the hub to unlock it.");
        assertThat(page.select("input[name=agreedHow][value=IN_PERSON]").hasAttr("checked")).isTrue();
        assertThat(cases.count("SELECT COUNT(*) FROM action_plan WHERE case_id = ? AND status = 'AGREED'", caseId))
                .isZero();
        assertThat(cases.count("SELECT COUNT(*) FROM milestone WHERE case_id = ?", caseId)).isZero();
    }

    /** Locks this test's contract from six to two weeks ago, as approving that period's return would. */
    private long lockSixToTwoWeeksAgo(OutcomeTestCases.Setup setup) {
        return locks.lock(List.of(setup.contractId()), today().minusWeeks(6), today().minusWeeks(2), WHY, hub());
    }

    private void assertNothingSaved(long caseId) {
        assertThat(cases.count("SELECT COUNT(*) FROM case_outcome WHERE case_id = ?", caseId)).isZero();
        assertThat(cases.count("SELECT COUNT(*) FROM sustainment_check WHERE case_id = ?", caseId)).isZero();
        assertThat(cases.count("SELECT COUNT(*) FROM milestone WHERE case_id = ?", caseId)).isZero();
        assertThat(cases.count("SELECT COUNT(*) FROM audit_event WHERE record_type = 'case_outcome' "
                + "AND detail LIKE ?", "% on case " + caseId)).isZero();
    }

    private long hub() {
        return cases.personId("commissioner@gm.workhealth.example");
    }

    private static MockHttpServletRequestBuilder jobStart(MockHttpSession session, long caseId, LocalDate on) {
        return date(postTo("/cases/" + caseId + "/outcomes", session), "occurredOn", on).param("kind", "JOB_START")
                .param("employer", "Bury Care Homes").param("jobTitle", "Care assistant").param("sector", "Q")
                .param("hoursAWeek", "16").param("contractType", "PERMANENT").param("paid", "yes");
    }

    private static Document html(ResultActions result) throws Exception {
        return Jsoup.parse(result.andReturn().getResponse().getContentAsString());
    }
}
