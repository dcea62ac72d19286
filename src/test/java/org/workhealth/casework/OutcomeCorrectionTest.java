package org.workhealth.casework;

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

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.workhealth.SignIn;
import org.workhealth.govuk.DateAnswer;
import org.workhealth.milestone.Milestone;
import org.workhealth.milestone.MilestoneFilter;
import org.workhealth.milestone.Milestones;
import org.workhealth.milestone.PeriodLocks;
import org.workhealth.organisation.Organisations;
import org.workhealth.programme.Programmes;
import org.workhealth.programme.SupportType;
import org.workhealth.referral.EmploymentStatus;
import org.workhealth.referral.internal.ReferralIntake;

/**
 * Correcting a recorded outcome: its employer and job details, its kind, its date, with the milestone superseded,
 * old and new values audited and on the timeline, the sustainment checks following a moved job start, and no way
 * in for another organisation.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OutcomeCorrectionTest {

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final Milestones milestones;
    private final PeriodLocks locks;
    private final OutcomeTestCases cases;

    @Autowired
    OutcomeCorrectionTest(MockMvc mvc, JdbcClient jdbc, Milestones milestones, PeriodLocks locks,
            ReferralIntake intake, Programmes programmes, Organisations organisations, Casework casework) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.milestones = milestones;
        this.locks = locks;
        this.cases = new OutcomeTestCases(jdbc, intake, programmes, organisations, casework);
    }

    @Test
    void aManagerCorrectsTheEmployerAndHoursOfAJobStartAndTheMilestoneIsSupersededWithThem() throws Exception {
        LocalDate started = today().minusWeeks(6);
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        long caseId = caseWithJobStart(coach, cases.programme(SupportType.LOW_INTENSITY), started);
        long outcomeId = outcomeId(caseId);
        long original = currentJobStart(caseId).id();
        String path = "/cases/" + caseId + "/outcomes/" + outcomeId + "/correct";

        MockHttpSession manager = SignIn.as(mvc, SignIn.BURY_MANAGER);
        assertThat(page(mvc, manager, "/cases/" + caseId + "/outcomes").select("#outcomes a[href=" + path + "]")
                .text()).startsWith("Correct");
        Document question = page(mvc, manager, path);
        assertThat(question.select("h1").text()).isEqualTo("Correct the job start");
        assertThat(question.title()).startsWith("Correct the job start");
        assertThat(question.select("input[name=employer]").val()).isEqualTo("Bury Care Homes; Ltd");
        assertThat(question.select("select[name=sector] option[selected]").val()).isEqualTo("Q");
        assertThat(question.select("#other-kinds a").eachText()).contains("Education or training start")
                .doesNotContain("Job retention", "Job start");

        Document check = html(corrected(postTo(path, manager), started, "Bury Care Homes Limited", "30"));
        assertThat(check.select("h1").text()).isEqualTo("Check your answers before correcting the outcome");
        assertThat(check.select("#changes").text()).contains("Employer", "Was: Bury Care Homes; Ltd. Now: Bury Care "
                + "Homes Limited", "Hours a week", "Was: 16.5. Now: 30", "Contract seen on the wrong file");
        assertThat(currentJobStart(caseId).id()).isEqualTo(original);

        mvc.perform(corrected(postTo(path + "/confirm", manager), started, "Bury Care Homes Limited", "30"))
                .andExpect(redirectedUrl("/cases/" + caseId + "#timeline"));
        Milestone now = currentJobStart(caseId);
        assertThat(now.supersedesId()).isEqualTo(original);
        assertThat(now.attribute("employer")).isEqualTo("Bury Care Homes Limited");
        assertThat(now.attribute("hours_a_week")).isEqualTo("30");
        assertThat(now.correctionReason()).isEqualTo("Contract seen on the wrong file");
        assertThat(jdbc.sql("SELECT employer, hours_a_week, milestone_id FROM case_outcome WHERE id = ?")
                .param(outcomeId).query().singleRow()).containsEntry("employer", "Bury Care Homes Limited")
                .containsEntry("milestone_id", now.id());
        assertThat(jdbc.sql("SELECT detail FROM audit_event WHERE action = 'CORRECT' AND record_type = 'case_outcome' "
                + "AND record_id = ? ORDER BY id").param(String.valueOf(outcomeId)).query(String.class).list())
                .containsExactly("Employer: Bury Care Homes; Ltd → Bury Care Homes Limited. Reason: Contract seen "
                        + "on the wrong file", "Hours a week: 16.5 → 30. Reason: Contract seen on the wrong file");
        // The checks keep their dates: the job start did not move.
        assertThat(dueDates(caseId)).containsExactly(started.plusWeeks(13), started.plusWeeks(26));

        String timeline = page(mvc, manager, "/cases/" + caseId).select("#timeline").text();
        assertThat(timeline).contains("Job start (corrected)", "employer: Bury Care Homes; Ltd → Bury Care Homes "
                + "Limited", "hours a week: 16.5 → 30", "Contract seen on the wrong file");
    }

    @Test
    void aVolunteeringStartThatWasReallyAJobStartIsCorrectedToOneWithItsChecks() throws Exception {
        OutcomeTestCases.Setup setup = cases.programme(SupportType.LOW_INTENSITY);
        long caseId = cases.open(setup, EmploymentStatus.UNEMPLOYED, today().minusWeeks(20));
        LocalDate started = today().minusWeeks(3);
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        mvc.perform(date(postTo("/cases/" + caseId + "/outcomes", coach), "occurredOn", started)
                .param("kind", "VOLUNTEERING_START").param("description", "Bury Food Bank, driver"))
                .andExpect(status().is3xxRedirection());
        long outcomeId = outcomeId(caseId);
        String path = "/cases/" + caseId + "/outcomes/" + outcomeId + "/correct";

        Document asJob = page(mvc, coach, path + "?kind=JOB_START");
        assertThat(asJob.select("h1").text()).isEqualTo("Correct the volunteering start");
        assertThat(asJob.select("input[name=kind]").val()).isEqualTo("JOB_START");
        assertThat(asJob.select("input[name=employer]")).hasSize(1);

        mvc.perform(corrected(postTo(path + "/confirm", coach), started, "Bury Food Bank", "20"))
                .andExpect(redirectedUrl("/cases/" + caseId + "#timeline"));
        assertThat(currentJobStart(caseId).occurredOn()).isEqualTo(started);
        assertThat(milestones.current(MilestoneFilter.forCase(caseId)).stream()
                .filter(m -> m.type() == org.workhealth.milestone.MilestoneType.VOLUNTEERING_START)).isEmpty();
        assertThat(dueDates(caseId)).containsExactly(started.plusWeeks(13), started.plusWeeks(26));
        assertThat(page(mvc, coach, "/cases/" + caseId).select("#timeline").text())
                .contains("Volunteering start (corrected)", "Volunteering start → Job start");
    }

    @Test
    void movingAJobStartsDateMovesItsSustainmentChecksAndTheOutcome() throws Exception {
        OutcomeTestCases.Setup setup = cases.programme(SupportType.LOW_INTENSITY);
        long caseId = cases.open(setup, EmploymentStatus.UNEMPLOYED, today().minusWeeks(40));
        LocalDate started = today().minusWeeks(30);
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        mvc.perform(jobStart(coach, caseId, started, "yes")).andExpect(status().is3xxRedirection());
        long jobStart = currentJobStart(caseId).id();
        long thirteen = jdbc.sql("SELECT id FROM sustainment_check WHERE case_id = ? AND weeks = 13").param(caseId)
                .query(Long.class).single();
        mvc.perform(date(postTo("/cases/" + caseId + "/outcomes/checks/" + thirteen, coach)
                .param("stillInWork", "yes"), "checkedOn", today())).andExpect(status().is3xxRedirection());

        LocalDate moved = started.minusWeeks(2);
        mvc.perform(date(postTo("/cases/" + caseId + "/milestones/" + jobStart + "/correct/confirm", coach)
                .param("action", "DATE").param("reason", "Payslip shows an earlier start"), "correctedOn", moved))
                .andExpect(redirectedUrl("/cases/" + caseId + "#timeline"));

        assertThat(dueDates(caseId)).containsExactly(moved.plusWeeks(13), moved.plusWeeks(26));
        assertThat(jdbc.sql("SELECT occurred_on FROM case_outcome WHERE case_id = ?").param(caseId)
                .query(LocalDate.class).single()).isEqualTo(moved);
        // The 13-week check was made after its new due date, so its result stands and its milestone moves.
        assertThat(milestones.current(MilestoneFilter.forCase(caseId)).stream()
                .filter(m -> m.type() == org.workhealth.milestone.MilestoneType.SUSTAINMENT_13_WEEKS)
                .map(Milestone::occurredOn).toList()).containsExactly(moved.plusWeeks(13));
        assertThat(page(mvc, coach, "/cases/" + caseId + "/outcomes").select("#checks").text())
                .contains(DateAnswer.format(moved.plusWeeks(26)), "Not checked yet");
    }

    @Test
    void eachWrongAnswerIsShownNextToItsQuestionWithTheAnswersKeptAndNothingIsSaved() throws Exception {
        LocalDate started = today().minusWeeks(6);
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        long caseId = caseWithJobStart(coach, cases.programme(SupportType.LOW_INTENSITY), started);
        long jobStart = currentJobStart(caseId).id();
        String path = "/cases/" + caseId + "/outcomes/" + outcomeId(caseId) + "/correct";

        Document wrong = html(date(postTo(path + "/confirm", coach), "occurredOn", started).param("kind", "JOB_START")
                .param("employer", "x".repeat(201)).param("jobTitle", "Care assistant").param("sector", "ZZ")
                .param("hoursAWeek", "many").param("contractType", "PERMANENT").param("paid", "yes")
                .param("reason", " "));
        assertThat(wrong.title()).startsWith("Error: Correct the job start");
        assertThat(wrong.select(".govuk-error-summary a").eachText()).containsExactly(
                "Employer must be 200 characters or fewer", "Select the sector",
                "Hours a week must be a number, like 16 or 37.5", "Enter why the job start is being corrected");
        assertThat(wrong.select("#employer-error").text()).contains("200 characters");
        assertThat(wrong.select("input[name=hoursAWeek]").val()).isEqualTo("many");
        assertThat(wrong.select("input[name=jobTitle]").val()).isEqualTo("Care assistant");

        Document unchanged = html(corrected(postTo(path, coach), started, "Bury Care Homes; Ltd", "16.5"));
        assertThat(unchanged.select(".govuk-error-summary").text()).contains("Change at least one answer");
        assertThat(currentJobStart(caseId).id()).isEqualTo(jobStart);
        assertThat(cases.count("SELECT COUNT(*) FROM audit_event WHERE action = 'CORRECT' AND record_type = "
                + "'case_outcome' AND record_id = ?", String.valueOf(outcomeId(caseId)))).isZero();
    }

    @Test
    void aCorrectionInALockedPeriodIsRefusedNextToTheDate() throws Exception {
        OutcomeTestCases.Setup setup = cases.programme(SupportType.LOW_INTENSITY);
        LocalDate started = today().minusWeeks(10);
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        long caseId = caseWithJobStart(coach, setup, started);
        locks.lock(List.of(setup.contractId()), started.minusDays(3), started.plusDays(3),
                "Outcome correction test return approved", cases.personId(SignIn.GM_COMMISSIONER));
        String path = "/cases/" + caseId + "/outcomes/" + outcomeId(caseId) + "/correct";

        Document refused = html(corrected(postTo(path + "/confirm", coach), started, "Bury Care Homes Limited", "30"));
        assertThat(refused.select("#occurredOn-error").text()).contains("Outcome correction test return approved");
        assertThat(refused.select("input[name=employer]").val()).isEqualTo("Bury Care Homes Limited");
        assertThat(jdbc.sql("SELECT employer FROM case_outcome WHERE case_id = ?").param(caseId)
                .query(String.class).single()).isEqualTo("Bury Care Homes; Ltd");
    }

    /** A job start moved before outcomes followed their milestone still points at the first one: it is found. */
    @Test
    void anOutcomeWhoseMilestoneWasMovedOnItsOwnIsStillCorrectedThroughItsLatestMilestone() throws Exception {
        LocalDate started = today().minusWeeks(6);
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        long caseId = caseWithJobStart(coach, cases.programme(SupportType.LOW_INTENSITY), started);
        Milestone first = currentJobStart(caseId);
        long moved = milestones.supersede(first.id(), new org.workhealth.milestone.NewMilestone(first.type(), caseId,
                first.referralId(), first.programmeId(), first.contractId(), first.organisationId(),
                started.plusDays(1), first.attributes(), first.recordedBy()), "Moved on its own");
        String path = "/cases/" + caseId + "/outcomes/" + outcomeId(caseId) + "/correct";
        assertThat(page(mvc, coach, "/cases/" + caseId + "/outcomes").select("#outcomes").text()).contains("Recorded")
                .doesNotContain("Withdrawn");

        mvc.perform(corrected(postTo(path + "/confirm", coach), started, "Bury Care Homes Limited", "16.5"))
                .andExpect(redirectedUrl("/cases/" + caseId + "#timeline"));
        assertThat(currentJobStart(caseId).supersedesId()).isEqualTo(moved);
        assertThat(currentJobStart(caseId).attribute("employer")).isEqualTo("Bury Care Homes Limited");
    }

    /** Another organisation cannot correct it by editing the URL or the form, nor from another case's URL. */
    @Test
    void anotherOrganisationOrAnotherCasesUrlCannotCorrectIt() throws Exception {
        OutcomeTestCases.Setup setup = cases.programme(SupportType.LOW_INTENSITY);
        LocalDate started = today().minusWeeks(6);
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        long caseId = caseWithJobStart(coach, setup, started);
        long other = cases.open(setup, EmploymentStatus.UNEMPLOYED, today().minusWeeks(20));
        long outcomeId = outcomeId(caseId);

        MockHttpSession specialist = SignIn.as(mvc, OutcomeTestCases.BCHFT_SPECIALIST);
        String path = "/cases/" + caseId + "/outcomes/" + outcomeId + "/correct";
        mvc.perform(get(path).session(specialist)).andExpect(status().isNotFound());
        mvc.perform(corrected(postTo(path + "/confirm", specialist), started, "Elsewhere Ltd", "30"))
                .andExpect(status().isNotFound());
        mvc.perform(corrected(postTo("/cases/" + other + "/outcomes/" + outcomeId + "/correct/confirm", coach),
                started, "Elsewhere Ltd", "30")).andExpect(status().isNotFound());
        // A kind the case may not record (a retention for someone out of work at referral) is refused too.
        mvc.perform(corrected(postTo(path + "/confirm", coach), "JOB_RETENTION", started, "Elsewhere Ltd", "30"))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT employer FROM case_outcome WHERE id = ?").param(outcomeId).query(String.class)
                .single()).isEqualTo("Bury Care Homes; Ltd");
    }

    /** A case opened 20 weeks ago with a paid job start recorded by the coach. */
    private long caseWithJobStart(MockHttpSession coach, OutcomeTestCases.Setup setup, LocalDate started)
            throws Exception {
        long caseId = cases.open(setup, EmploymentStatus.UNEMPLOYED, today().minusWeeks(20));
        mvc.perform(jobStart(coach, caseId, started, "yes")).andExpect(status().is3xxRedirection());
        return caseId;
    }

    private MockHttpServletRequestBuilder corrected(MockHttpServletRequestBuilder request, LocalDate on,
            String employer, String hours) {
        return corrected(request, "JOB_START", on, employer, hours);
    }

    private MockHttpServletRequestBuilder corrected(MockHttpServletRequestBuilder request, String kind, LocalDate on,
            String employer, String hours) {
        return date(request, "occurredOn", on).param("kind", kind).param("employer", employer)
                .param("jobTitle", "Care assistant").param("sector", "Q").param("hoursAWeek", hours)
                .param("contractType", "PERMANENT").param("paid", "yes").param("evidence", "Contract seen")
                .param("reason", "Contract seen on the wrong file");
    }

    private Document html(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    private long outcomeId(long caseId) {
        return jdbc.sql("SELECT id FROM case_outcome WHERE case_id = ?").param(caseId).query(Long.class).single();
    }

    private Milestone currentJobStart(long caseId) {
        return milestones.current(MilestoneFilter.forCase(caseId)).stream()
                .filter(m -> m.type() == org.workhealth.milestone.MilestoneType.JOB_START).findFirst().orElseThrow();
    }

    private List<LocalDate> dueDates(long caseId) {
        return jdbc.sql("SELECT due_on FROM sustainment_check WHERE case_id = ? ORDER BY weeks").param(caseId)
                .query(LocalDate.class).list();
    }

}
