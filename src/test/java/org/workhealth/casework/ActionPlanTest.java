package org.workhealth.casework;

import org.workhealth.MilestoneText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.workhealth.TestData.letters;
import static org.workhealth.TestData.today;

import java.time.LocalDate;
import java.time.ZoneId;

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
import org.workhealth.organisation.Organisations;
import org.workhealth.programme.Programmes;
import org.workhealth.referral.internal.ContactPreference;
import org.workhealth.referral.EmploymentStatus;
import org.workhealth.referral.internal.ReferralAnswers;
import org.workhealth.referral.internal.ReferralIntake;
import org.workhealth.referral.internal.ReferralSource;

/** The personalised action plan, its versions, sharing with the employer and reviews. Each test opens its own case. */
@SpringBootTest
@AutoConfigureMockMvc
class ActionPlanTest {

    private static final String BCHFT_SPECIALIST = "specialist@bchft.workhealth.example";
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final ReferralIntake intake;
    private final Programmes programmes;
    private final Organisations organisations;
    private final Casework casework;

    @Autowired
    ActionPlanTest(MockMvc mvc, JdbcClient jdbc, ReferralIntake intake, Programmes programmes,
            Organisations organisations, Casework casework) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.intake = intake;
        this.programmes = programmes;
        this.organisations = organisations;
        this.casework = casework;
    }

    @Test
    void thePlanTypeFollowsTheEmploymentStatusAtReferral() throws Exception {
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        long outOfWork = openCase(EmploymentStatus.UNEMPLOYED);
        long inWork = openCase(EmploymentStatus.OFF_SICK);

        Document none = page(coach, "/cases/" + outOfWork + "/action-plan");
        assertThat(none.select("h1").text()).isEqualTo("Back to Work plan");
        assertThat(none.text()).contains("No plan has been written yet.");
        assertThat(none.select(".govuk-back-link").attr("href")).isEqualTo("/cases/" + outOfWork);
        assertThat(page(coach, "/cases/" + inWork + "/action-plan").select("h1").text())
                .isEqualTo("Thrive in Work plan");

        saveDraft(coach, inWork, "Stay in my job", "4").andExpect(redirectedUrl("/cases/" + inWork + "/action-plan"));
        assertThat(jdbc.sql("SELECT plan_type FROM action_plan WHERE case_id = ?").param(inWork).query(String.class)
                .single()).isEqualTo("THRIVE_IN_WORK");
        assertThat(page(coach, "/cases/" + inWork + "/action-plan/print").select("h1").text())
                .isEqualTo("Your Thrive in Work plan");
    }

    @Test
    void agreeingWritesOneMilestoneAndALaterChangeMakesVersionTwo() throws Exception {
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        long caseId = openCase(EmploymentStatus.UNEMPLOYED);

        saveDraft(coach, caseId, "Find warehouse work\nBuild confidence", "4");
        // Saving a draft again changes it in place.
        saveDraft(coach, caseId, "Find warehouse work, part time\nBuild confidence", "4");
        assertThat(count("SELECT COUNT(*) FROM action_plan WHERE case_id = ?", caseId)).isEqualTo(1);

        Document draft = page(coach, "/cases/" + caseId + "/action-plan");
        assertThat(draft.select("#goals li").eachText())
                .containsExactly("Find warehouse work, part time", "Build confidence");
        assertThat(draft.select("table").first().text()).contains("Update CV, then apply", "The person",
                DateAnswer.format(today().plusWeeks(2)), "Not started");
        assertThat(draft.select(".govuk-summary-list").first().text()).contains("Draft", "Not agreed yet");

        agree(coach, caseId, today().minusDays(1), "IN_PERSON")
                .andExpect(redirectedUrl("/cases/" + caseId + "/action-plan"));
        assertThat(count("SELECT COUNT(*) FROM milestone WHERE case_id = ? AND type = 'ACTION_PLAN_AGREED'", caseId))
                .isEqualTo(1);
        assertThat(page(coach, "/cases/" + caseId).select("#timeline").text())
                .contains("plan type: Back to Work plan", "agreed how: In person")
                .doesNotContain("BACK_TO_WORK").doesNotContain("IN_PERSON");
        assertThat(MilestoneText.ofOnly(jdbc, caseId, "ACTION_PLAN_AGREED")).contains("plan_type=BACK_TO_WORK", "in_work=false");
        Document agreed = page(coach, "/cases/" + caseId + "/action-plan");
        assertThat(agreed.select(".govuk-summary-list").first().text()).contains("Agreed",
                DateAnswer.format(today().minusDays(1)) + ", in person");

        // Agreeing again with nothing new to agree does nothing.
        agree(coach, caseId, today(), "PHONE");
        assertThat(count("SELECT COUNT(*) FROM milestone WHERE case_id = ? AND type = 'ACTION_PLAN_AGREED'", caseId))
                .isEqualTo(1);

        saveDraft(coach, caseId, "Find warehouse work, full time", "4");
        assertThat(jdbc.sql("SELECT version, status FROM action_plan WHERE case_id = ? ORDER BY version")
                .param(caseId).query((rs, n) -> rs.getInt(1) + rs.getString(2)).list())
                .containsExactly("1AGREED", "2DRAFT");
        Document v1 = page(coach, "/cases/" + caseId + "/action-plan/versions/1");
        assertThat(v1.select("#goals li").eachText())
                .containsExactly("Find warehouse work, part time", "Build confidence");
        assertThat(v1.text()).contains("Agreed", DateAnswer.format(today().minusDays(1)));
        Document current = page(coach, "/cases/" + caseId + "/action-plan");
        assertThat(current.select("#goals li").eachText()).containsExactly("Find warehouse work, full time");
        assertThat(current.select("#versions a").eachText()).containsExactly("Version 2", "Version 1");
        // The printable view keeps showing what the person agreed until version 2 is agreed.
        assertThat(page(coach, "/cases/" + caseId + "/action-plan/print").select("#goals li").eachText())
                .containsExactly("Find warehouse work, part time", "Build confidence");

        agree(coach, caseId, today(), "VIDEO");
        assertThat(count("SELECT COUNT(*) FROM milestone WHERE case_id = ? AND type = 'ACTION_PLAN_AGREED'", caseId))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM action_plan WHERE case_id = ? AND status = 'AGREED'", caseId))
                .isEqualTo(2);
        mvc.perform(get("/cases/" + caseId + "/action-plan/versions/3").session(coach))
                .andExpect(status().isNotFound());
    }

    @Test
    void sharingIsRefusedWithoutConsentAndRecordedWithIt() throws Exception {
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        long caseId = openCase(EmploymentStatus.EMPLOYED);
        saveDraft(coach, caseId, "Return to full hours", "4");
        agree(coach, caseId, today(), "PHONE");

        Document noConsent = page(coach, "/cases/" + caseId + "/action-plan/share");
        assertThat(noConsent.select("main form")).isEmpty();
        assertThat(noConsent.text()).contains("only when the person has consented");
        Document refused = Jsoup.parse(mvc.perform(share(coach, caseId)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
        assertThat(refused.select(".govuk-error-summary").text()).contains("only when the person has consented");
        assertThat(count("SELECT COUNT(*) FROM plan_share WHERE case_id = ?", caseId)).isZero();

        consent(coach, caseId, "false");
        mvc.perform(share(coach, caseId)).andExpect(status().isOk());
        assertThat(count("SELECT COUNT(*) FROM plan_share WHERE case_id = ?", caseId)).isZero();

        consent(coach, caseId, "true").andExpect(redirectedUrl("/cases/" + caseId + "/action-plan"));
        assertThat(page(coach, "/cases/" + caseId + "/action-plan").select(".govuk-summary-list").text())
                .contains("Yes, recorded " + DateAnswer.format(today()));
        mvc.perform(share(coach, caseId)).andExpect(redirectedUrl("/cases/" + caseId + "/action-plan"));
        assertThat(jdbc.sql("SELECT employer_contact, employer_email, version FROM plan_share WHERE case_id = ?")
                .param(caseId).query((rs, n) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getInt(3))
                .single()).isEqualTo("Pat Manager|pat@buryfoods.example|1");
        Document plan = page(coach, "/cases/" + caseId + "/action-plan");
        assertThat(plan.select("table").eachText()).anySatisfy(t -> assertThat(t)
                .contains("Daniel Brooks", "Pat Manager", "pat@buryfoods.example", "Version 1"));
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE action = 'SHARE' AND record_id = ?",
                String.valueOf(caseId))).isEqualTo(1);
    }

    @Test
    void aPlanIsNotSharedOnceThePersonWithdrawsConsentToContactTheirEmployer() throws Exception {
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        long caseId = openCase(EmploymentStatus.EMPLOYED);
        saveDraft(coach, caseId, "Return to full hours", "4");
        agree(coach, caseId, today(), "PHONE");
        consent(coach, caseId, "true");
        mvc.perform(post("/cases/" + caseId + "/employer/consent").session(coach).with(csrf())
                .param("givenOnDay", String.valueOf(today().getDayOfMonth()))
                .param("givenOnMonth", String.valueOf(today().getMonthValue()))
                .param("givenOnYear", String.valueOf(today().getYear())).param("how", "In person"));
        mvc.perform(post("/cases/" + caseId + "/employer/consent/withdraw").session(coach).with(csrf())
                .param("withdrawnOnDay", String.valueOf(today().getDayOfMonth()))
                .param("withdrawnOnMonth", String.valueOf(today().getMonthValue()))
                .param("withdrawnOnYear", String.valueOf(today().getYear())).param("withdrawnHow", "By email"))
                .andExpect(redirectedUrl("/cases/" + caseId + "/employer"));

        Document refused = Jsoup.parse(mvc.perform(share(coach, caseId)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
        assertThat(refused.select(".govuk-error-summary").text())
                .contains("has withdrawn their consent to contact with their employer");
        assertThat(count("SELECT COUNT(*) FROM plan_share WHERE case_id = ?", caseId)).isZero();
    }

    @Test
    void reviewsFallDueAtThePlansIntervalAndOverdueOnesAreListed() throws Exception {
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        long caseId = openCase(EmploymentStatus.EMPLOYED);
        String reference = reference(caseId);
        saveDraft(coach, caseId, "Keep my job", "2");
        agree(coach, caseId, today().minusWeeks(3), "IN_PERSON");

        Document reviews = page(coach, "/cases/" + caseId + "/reviews");
        assertThat(reviews.select(".govuk-summary-list").text())
                .contains(DateAnswer.format(today().minusWeeks(1)), "Every 2 weeks");
        assertThat(reviews.select(".govuk-warning-text").text()).contains("overdue");
        assertThat(page(coach, "/reviews/overdue").select("#overdue a").eachText()).contains(reference);
        // Another provider's practitioner does not see it in their list.
        assertThat(page(SignIn.as(mvc, BCHFT_SPECIALIST), "/reviews/overdue").select("#overdue a").eachText())
                .doesNotContain(reference);

        mvc.perform(review(coach, caseId, today()).param("notes", "Back on full hours").param("stillInWork", "true"))
                .andExpect(redirectedUrl("/cases/" + caseId + "/reviews"));
        assertThat(jdbc.sql("SELECT still_in_work FROM case_review WHERE case_id = ?").param(caseId)
                .query(Boolean.class).single()).isTrue();
        Document after = page(coach, "/cases/" + caseId + "/reviews");
        assertThat(after.select(".govuk-summary-list").text()).contains(DateAnswer.format(today().plusWeeks(2)));
        assertThat(after.select("table").text()).contains("Back on full hours", "Yes", "Daniel Brooks");
        assertThat(page(coach, "/reviews/overdue").select("#overdue a").eachText()).doesNotContain(reference);
    }

    @Test
    void mistakesAreShownTheGovUkWayAndNothingIsSaved() throws Exception {
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        long caseId = openCase(EmploymentStatus.EMPLOYED);

        Document edit = Jsoup.parse(mvc.perform(post("/cases/" + caseId + "/action-plan/edit").session(coach)
                .with(csrf()).param("goals", "  ").param("reviewIntervalWeeks", "0")
                .param("actionDescription", "Talk to occupational health, then HR", "")
                .param("actionOwner", "", "")
                .param("actionDueDay", "31", "").param("actionDueMonth", "2", "").param("actionDueYear", "2027", "")
                .param("actionStatus", "NOT_STARTED", "NOT_STARTED"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(edit.title()).startsWith("Error: ");
        assertThat(edit.select(".govuk-error-summary a").eachText()).containsExactly("Enter at least one goal",
                "Select who does action 1", "Due date for action 1 must be a real date",
                "Review interval must be a whole number of weeks between 1 and 52");
        assertThat(edit.select(".govuk-error-summary a").eachAttr("href")).containsExactly("#goals",
                "#action-0-owner", "#action-0-due-day", "#reviewIntervalWeeks");
        assertThat(edit.select("#action-0-description").val()).isEqualTo("Talk to occupational health, then HR");
        assertThat(edit.select("#action-0-owner-error").text()).contains("Select who does action 1");
        assertThat(count("SELECT COUNT(*) FROM action_plan WHERE case_id = ?", caseId)).isZero();

        saveDraft(coach, caseId, "Stay in work", "4");
        LocalDate tomorrow = today().plusDays(1);
        Document agree = Jsoup.parse(mvc.perform(post("/cases/" + caseId + "/action-plan/agree").session(coach)
                .with(csrf()).param("agreedOnDay", String.valueOf(tomorrow.getDayOfMonth()))
                .param("agreedOnMonth", String.valueOf(tomorrow.getMonthValue()))
                .param("agreedOnYear", String.valueOf(tomorrow.getYear())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(agree.select(".govuk-error-summary a").eachText()).containsExactly(
                "Date the plan was agreed must be today or in the past", "Select how the plan was agreed");
        assertThat(agree.select(".govuk-error-summary a").first().attr("href")).isEqualTo("#agreedOn-day");

        Document review = Jsoup.parse(mvc.perform(review(coach, caseId, today()).param("notes", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(review.select(".govuk-error-summary a").eachText()).containsExactly(
                "Enter what was discussed at the review", "Select yes if they are still in work");
        assertThat(count("SELECT COUNT(*) FROM action_plan WHERE case_id = ? AND status = 'AGREED'", caseId)).isZero();
        assertThat(count("SELECT COUNT(*) FROM case_review WHERE case_id = ?", caseId)).isZero();
        assertThat(count("SELECT COUNT(*) FROM milestone WHERE case_id = ?", caseId)).isZero();
    }

    @Test
    void anotherProvidersPractitionerGetsNotFoundAndChangesNothing() throws Exception {
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        long caseId = openCase(EmploymentStatus.EMPLOYED);
        saveDraft(coach, caseId, "Stay in work", "4");
        MockHttpSession specialist = SignIn.as(mvc, BCHFT_SPECIALIST);

        for (String path : new String[] {"/action-plan", "/action-plan/edit", "/action-plan/agree",
            "/action-plan/print", "/action-plan/share", "/action-plan/versions/1", "/reviews"}) {
            mvc.perform(get("/cases/" + caseId + path).session(specialist)).andExpect(status().isNotFound());
        }
        saveDraft(specialist, caseId, "Something else", "4").andExpect(status().isNotFound());
        agree(specialist, caseId, today(), "PHONE").andExpect(status().isNotFound());
        consent(specialist, caseId, "true").andExpect(status().isNotFound());
        mvc.perform(share(specialist, caseId)).andExpect(status().isNotFound());
        mvc.perform(review(specialist, caseId, today()).param("notes", "x").param("stillInWork", "true"))
                .andExpect(status().isNotFound());

        assertThat(jdbc.sql("SELECT status FROM action_plan WHERE case_id = ?").param(caseId).query(String.class)
                .single()).isEqualTo("DRAFT");
        assertThat(count("SELECT COUNT(*) FROM action_plan WHERE case_id = ? AND consent_to_share IS NOT NULL",
                caseId)).isZero();
        assertThat(jdbc.sql("SELECT description FROM plan_goal g JOIN action_plan p ON p.id = g.plan_id "
                + "WHERE p.case_id = ?").param(caseId).query(String.class).list()).containsExactly("Stay in work");
        assertThat(count("SELECT COUNT(*) FROM case_review WHERE case_id = ?", caseId)).isZero();
        assertThat(count("SELECT COUNT(*) FROM plan_share WHERE case_id = ?", caseId)).isZero();
        assertThat(count("SELECT COUNT(*) FROM milestone WHERE case_id = ?", caseId)).isZero();
    }

    // --- helpers ---

    private org.springframework.test.web.servlet.ResultActions saveDraft(MockHttpSession session, long caseId,
            String goals, String weeks) throws Exception {
        LocalDate due = today().plusWeeks(2);
        return mvc.perform(post("/cases/" + caseId + "/action-plan/edit").session(session).with(csrf())
                .param("goals", goals).param("reviewIntervalWeeks", weeks)
                .param("actionDescription", "Update CV, then apply", "")
                .param("actionOwner", "PARTICIPANT", "")
                .param("actionDueDay", String.valueOf(due.getDayOfMonth()), "")
                .param("actionDueMonth", String.valueOf(due.getMonthValue()), "")
                .param("actionDueYear", String.valueOf(due.getYear()), "")
                .param("actionStatus", "NOT_STARTED", "NOT_STARTED"));
    }

    private org.springframework.test.web.servlet.ResultActions agree(MockHttpSession session, long caseId,
            LocalDate on, String how) throws Exception {
        return mvc.perform(post("/cases/" + caseId + "/action-plan/agree").session(session).with(csrf())
                .param("agreedOnDay", String.valueOf(on.getDayOfMonth()))
                .param("agreedOnMonth", String.valueOf(on.getMonthValue()))
                .param("agreedOnYear", String.valueOf(on.getYear())).param("agreedHow", how));
    }

    private org.springframework.test.web.servlet.ResultActions consent(MockHttpSession session, long caseId,
            String answer) throws Exception {
        return mvc.perform(post("/cases/" + caseId + "/action-plan/consent").session(session).with(csrf())
                .param("consent", answer).param("consentOnDay", String.valueOf(today().getDayOfMonth()))
                .param("consentOnMonth", String.valueOf(today().getMonthValue()))
                .param("consentOnYear", String.valueOf(today().getYear())));
    }

    private MockHttpServletRequestBuilder share(MockHttpSession session, long caseId) {
        return post("/cases/" + caseId + "/action-plan/share").session(session).with(csrf())
                .param("employerContact", "Pat Manager").param("employerEmail", "pat@buryfoods.example");
    }

    private MockHttpServletRequestBuilder review(MockHttpSession session, long caseId, LocalDate on) {
        return post("/cases/" + caseId + "/reviews").session(session).with(csrf())
                .param("reviewedOnDay", String.valueOf(on.getDayOfMonth()))
                .param("reviewedOnMonth", String.valueOf(on.getMonthValue()))
                .param("reviewedOnYear", String.valueOf(on.getYear()));
    }

    private Document page(MockHttpSession session, String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
    }

    /** A case of its own at Bury Live Well on WorkWell, opened two months ago, held by the coach. */
    private long openCase(EmploymentStatus status) {
        String lastName = "Plan" + letters(8);
        boolean inWork = status.inWork();
        ReferralAnswers answers = new ReferralAnswers(false, null, null, null, "Sam", lastName,
                LocalDate.of(1982, 4, 4), null, "07700900456", null, "3 Bank Street", null, "Bury", "BL9 0EJ",
                ContactPreference.PHONE, null, null, null, status,
                inWork ? null : today().minusWeeks(4), inWork ? "Bury Foods Ltd" : null, null, null, true, false, false,
                "Anxiety", null, "Help with work", true, false, null, null, null, null, null);
        ReferralIntake.Submitted submitted = intake.submit(answers, ReferralSource.PUBLIC, null, null);
        long programmeId = programmes.findByCode("WW").orElseThrow().id();
        long bury = organisations.findByName("Bury Council Live Well service").orElseThrow().id();
        long coach = jdbc.sql("SELECT id FROM person WHERE email = ?").param(SignIn.BURY_COACH).query(Long.class)
                .single();
        return casework.openCase(new OpenCase(submitted.id(), submitted.reference(), programmeId, null, bury, coach,
                status.name(), today().minusMonths(2)));
    }

    private String reference(long caseId) {
        return jdbc.sql("SELECT reference FROM support_case WHERE id = ?").param(caseId).query(String.class).single();
    }

    private int count(String sql, Object param) {
        return jdbc.sql(sql).param(param).query(Integer.class).single();
    }
}
