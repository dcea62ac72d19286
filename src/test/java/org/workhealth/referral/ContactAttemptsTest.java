package org.workhealth.referral;

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
import org.workhealth.MilestoneText;
import org.workhealth.SignIn;
import org.workhealth.govuk.DateAnswer;
import org.workhealth.milestone.PeriodLocks;
import org.workhealth.organisation.Organisations;
import org.workhealth.programme.Contract;
import org.workhealth.programme.NewContract;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;
import org.workhealth.programme.SupportType;
import org.workhealth.referral.internal.ReferralIntake;
import org.workhealth.referral.internal.ContactPreference;
import org.workhealth.referral.internal.ReferralAnswers;
import org.workhealth.referral.internal.ReferralSource;

/**
 * First contact on accepted referrals. Each test makes its own referral (through the intake, then
 * accepted with SQL as triage would) on a programme and contract of its own, so the shared
 * database's other records never matter.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ContactAttemptsTest {

    private static final String BCHFT_SPECIALIST = "specialist@bchft.workhealth.example";
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final ReferralIntake intake;
    private final Programmes programmes;
    private final Organisations organisations;
    private final PeriodLocks locks;

    @Autowired
    ContactAttemptsTest(MockMvc mvc, JdbcClient jdbc, ReferralIntake intake, Programmes programmes,
            Organisations organisations, PeriodLocks locks) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.intake = intake;
        this.programmes = programmes;
        this.organisations = organisations;
        this.locks = locks;
    }

    @Test
    void wantingSupportOnADayInALockedPeriodOpensNoCaseAndSaysWhyOnTheForm() throws Exception {
        Accepted referral = acceptedReferral(buryLiveWell());
        locks.lock(java.util.List.of(referral.contract().id()), today().minusDays(7), today(),
                "Contact test return approved", personId("commissioner@gm.workhealth.example"));
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);

        Document page = Jsoup.parse(mvc.perform(post("/referrals/" + referral.id() + "/contact").session(coach)
                .with(csrf()).param("attemptedOnDay", String.valueOf(today().getDayOfMonth()))
                .param("attemptedOnMonth", String.valueOf(today().getMonthValue()))
                .param("attemptedOnYear", String.valueOf(today().getYear()))
                .param("channel", "PHONE").param("outcome", "WANTS_SUPPORT"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.select(".govuk-error-summary a").eachText()).singleElement().asString()
                .startsWith("You cannot record this on " + DateAnswer.format(today()))
                .endsWith("is locked (Contact test return approved). Ask the hub to unlock it.");
        assertThat(page.select("#attemptedOn-error").text()).contains("Ask the hub to unlock it.");
        assertThat(page.select("input[name=outcome][value=WANTS_SUPPORT]").hasAttr("checked")).isTrue();
        assertThat(count("SELECT COUNT(*) FROM contact_attempt WHERE referral_id = ?", referral.id())).isZero();
        assertThat(count("SELECT COUNT(*) FROM support_case WHERE referral_id = ?", referral.id())).isZero();
        assertThat(count("SELECT COUNT(*) FROM milestone WHERE referral_id = ?", referral.id())).isZero();
        assertThat(referralStatus(referral.id())).isEqualTo("ACCEPTED");
    }

    @Test
    void attemptsGoOnTheTimelineAndThreeFailuresAllowClosingAsUnableToContact() throws Exception {
        Accepted referral = acceptedReferral(buryLiveWell());
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);

        Document first = page(coach, referral.id());
        assertThat(first.select("h1").text()).isEqualTo("First contact with " + referral.fullName());
        assertThat(first.text()).contains("No contact attempts have been recorded yet.");
        assertThat(first.select("button").eachText()).doesNotContain("Close as unable to contact");

        attempt(coach, referral.id(), today(), "PHONE", "NO_ANSWER");
        attempt(coach, referral.id(), today(), "TEXT", "LEFT_MESSAGE");
        Document afterTwo = page(coach, referral.id());
        assertThat(afterTwo.select("table").first().text()).contains("Phone call", "No answer", "Text message",
                "Left a message", "Daniel Brooks");
        assertThat(afterTwo.select("table").last().text())
                .contains("Phone call on " + DateAnswer.format(today()) + ": No answer")
                .contains("Text message on " + DateAnswer.format(today()) + ": Left a message");
        assertThat(afterTwo.select("button").eachText()).doesNotContain("Close as unable to contact");

        // Not before the third failed attempt, even when asked directly.
        mvc.perform(post("/referrals/" + referral.id() + "/contact/unable-to-contact").session(coach).with(csrf()))
                .andExpect(redirectedUrl("/referrals/" + referral.id() + "/contact"));
        assertThat(referralStatus(referral.id())).isEqualTo("ACCEPTED");

        attempt(coach, referral.id(), today(), "PHONE", "WRONG_NUMBER");
        Document afterThree = page(coach, referral.id());
        assertThat(afterThree.select("button").eachText()).contains("Close as unable to contact");

        mvc.perform(post("/referrals/" + referral.id() + "/contact/unable-to-contact").session(coach).with(csrf()))
                .andExpect(redirectedUrl("/referrals/" + referral.id() + "/contact"));
        assertThat(referralStatus(referral.id())).isEqualTo("UNABLE_TO_CONTACT");
        assertThat(count("SELECT COUNT(*) FROM referral_event WHERE referral_id = ? AND kind = 'UNABLE_TO_CONTACT'",
                referral.id())).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE record_type = 'referral' AND record_id = ? "
                + "AND action = 'UNABLE_TO_CONTACT'", String.valueOf(referral.id()))).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE record_type = 'referral' AND record_id = ? "
                + "AND action = 'CONTACT_ATTEMPT'", String.valueOf(referral.id()))).isEqualTo(3);

        Document closed = page(coach, referral.id());
        assertThat(closed.select("main form")).isEmpty();
        assertThat(closed.text()).contains("Unable to contact");
        // A closed referral takes no more attempts.
        attempt(coach, referral.id(), today(), "PHONE", "NO_ANSWER");
        assertThat(count("SELECT COUNT(*) FROM contact_attempt WHERE referral_id = ?", referral.id())).isEqualTo(3);
    }

    @Test
    void theDateMustBeRealAndNotInTheFutureAndTheAnswersAreKept() throws Exception {
        Accepted referral = acceptedReferral(buryLiveWell());
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        LocalDate tomorrow = today().plusDays(1);

        Document page = Jsoup.parse(mvc.perform(post("/referrals/" + referral.id() + "/contact").session(coach)
                .with(csrf()).param("attemptedOnDay", String.valueOf(tomorrow.getDayOfMonth()))
                .param("attemptedOnMonth", String.valueOf(tomorrow.getMonthValue()))
                .param("attemptedOnYear", String.valueOf(tomorrow.getYear())).param("channel", "EMAIL"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.title()).startsWith("Error: ");
        assertThat(page.select(".govuk-error-summary a").eachText())
                .containsExactly("Date of the attempt must be today or in the past", "Select what happened");
        assertThat(page.select(".govuk-error-summary a").first().attr("href")).isEqualTo("#attemptedOn-day");
        assertThat(page.select("input[name=channel][value=EMAIL]").hasAttr("checked")).isTrue();

        Document missing = Jsoup.parse(mvc.perform(post("/referrals/" + referral.id() + "/contact").session(coach)
                .with(csrf()).param("attemptedOnDay", "31").param("attemptedOnMonth", "2")
                .param("attemptedOnYear", "2026").param("outcome", "NO_ANSWER"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(missing.select(".govuk-error-summary a").eachText())
                .containsExactly("Date of the attempt must be a real date", "Select how you tried to contact them");
        assertThat(count("SELECT COUNT(*) FROM contact_attempt WHERE referral_id = ?", referral.id())).isZero();
    }

    @Test
    void wantingSupportOpensExactlyOneCaseAndWritesOneReferralAcceptedMilestone() throws Exception {
        Accepted referral = acceptedReferral(buryLiveWell());
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);

        attempt(coach, referral.id(), today(), "PHONE", "NO_ANSWER");
        attempt(coach, referral.id(), today(), "PHONE", "WANTS_SUPPORT")
                .andExpect(redirectedUrl("/referrals/" + referral.id() + "/contact"));

        long caseId = jdbc.sql("SELECT id FROM support_case WHERE referral_id = ?").param(referral.id())
                .query(Long.class).single();
        Map<String, Object> supportCase = jdbc.sql("SELECT * FROM support_case WHERE id = ?").param(caseId).query()
                .singleRow();
        assertThat(supportCase).containsEntry("reference", referral.reference()).containsEntry("status", "OPEN")
                .containsEntry("programme_id", referral.programme().id())
                .containsEntry("cohort_id", referral.cohortId())
                .containsEntry("organisation_id", buryLiveWell())
                .containsEntry("key_worker_id", personId(SignIn.BURY_COACH))
                .containsEntry("employment_status_at_referral", "UNEMPLOYED");

        Map<String, Object> milestone = MilestoneText.withText(jdbc, java.util.List.of(jdbc.sql("SELECT * FROM milestone "
                + "WHERE referral_id = ?").param(referral.id()).query().singleRow())).get(0);
        assertThat(milestone).containsEntry("type", "REFERRAL_ACCEPTED").containsEntry("case_id", caseId)
                .containsEntry("programme_id", referral.programme().id())
                .containsEntry("contract_id", referral.contract().id())
                .containsEntry("organisation_id", buryLiveWell())
                .containsEntry("attributes", "employment_status=UNEMPLOYED;in_work=false");

        // Straight after: "Case opened" and a link to the case.
        Document opened = Jsoup.parse(mvc.perform(get("/referrals/" + referral.id() + "/contact").session(coach)
                .flashAttr("caseOpened", true)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
        assertThat(opened.select(".govuk-notification-banner__heading").text()).isEqualTo("Case opened");
        assertThat(opened.select(".govuk-notification-banner__link").attr("href")).isEqualTo("/cases/" + caseId);
        assertThat(opened.select("a#case-link").attr("href")).isEqualTo("/cases/" + caseId);
        assertThat(opened.select("main form")).isEmpty();
        assertThat(opened.select("table").last().text()).contains("Case opened; the person wants support");

        // Confirming again shows the case that exists and opens nothing more.
        attempt(coach, referral.id(), today(), "PHONE", "WANTS_SUPPORT");
        assertThat(count("SELECT COUNT(*) FROM support_case WHERE referral_id = ?", referral.id())).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM milestone WHERE referral_id = ?", referral.id())).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM contact_attempt WHERE referral_id = ?", referral.id())).isEqualTo(2);
        assertThat(page(coach, referral.id()).select("a#case-link").attr("href")).isEqualTo("/cases/" + caseId);

        Document casePage = Jsoup.parse(mvc.perform(get("/cases/" + caseId).session(coach))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(casePage.select("h1").text()).isEqualTo(referral.fullName());
        assertThat(casePage.select(".govuk-summary-list").text()).contains(referral.reference(),
                DateAnswer.format(LocalDate.of(1985, 5, 5)), referral.programme().name(), "Recently out of work",
                "Daniel Brooks", "Open", DateAnswer.format(today()));
        assertThat(casePage.select("table").text()).contains("Referral accepted", "employment status: Unemployed");
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE action = 'VIEW' AND record_type = 'case' "
                + "AND record_id = ?", String.valueOf(caseId))).isEqualTo(1);
    }

    @Test
    void notWantingSupportDeclinesTheReferral() throws Exception {
        Accepted referral = acceptedReferral(buryLiveWell());
        MockHttpSession manager = SignIn.as(mvc, SignIn.BURY_MANAGER);

        attempt(manager, referral.id(), today(), "IN_PERSON", "DOES_NOT_WANT_SUPPORT");

        assertThat(jdbc.sql("SELECT status, decision_reason FROM referral WHERE id = ?").param(referral.id()).query()
                .singleRow()).containsEntry("status", "DECLINED")
                .containsEntry("decision_reason", "Person does not want support");
        assertThat(count("SELECT COUNT(*) FROM support_case WHERE referral_id = ?", referral.id())).isZero();
        assertThat(count("SELECT COUNT(*) FROM milestone WHERE referral_id = ?", referral.id())).isZero();
        assertThat(page(manager, referral.id()).select("table").last().text())
                .contains("Declined: Person does not want support");
    }

    @Test
    void aPractitionerOfAnotherProviderGetsNotFoundAndRecordsNothing() throws Exception {
        Accepted referral = acceptedReferral(buryLiveWell());
        MockHttpSession specialist = SignIn.as(mvc, BCHFT_SPECIALIST);

        mvc.perform(get("/referrals/" + referral.id() + "/contact").session(specialist))
                .andExpect(status().isNotFound());
        mvc.perform(post("/referrals/" + referral.id() + "/contact").session(specialist).with(csrf())
                .param("attemptedOnDay", String.valueOf(today().getDayOfMonth()))
                .param("attemptedOnMonth", String.valueOf(today().getMonthValue()))
                .param("attemptedOnYear", String.valueOf(today().getYear()))
                .param("channel", "PHONE").param("outcome", "WANTS_SUPPORT"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/referrals/" + referral.id() + "/contact/unable-to-contact").session(specialist)
                .with(csrf())).andExpect(status().isNotFound());
        assertThat(count("SELECT COUNT(*) FROM contact_attempt WHERE referral_id = ?", referral.id())).isZero();
        assertThat(count("SELECT COUNT(*) FROM support_case WHERE referral_id = ?", referral.id())).isZero();
        assertThat(referralStatus(referral.id())).isEqualTo("ACCEPTED");

        // Nor can they see the case once the Bury practitioner opens it.
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        attempt(coach, referral.id(), today(), "PHONE", "WANTS_SUPPORT");
        long caseId = jdbc.sql("SELECT id FROM support_case WHERE referral_id = ?").param(referral.id())
                .query(Long.class).single();
        mvc.perform(get("/cases/" + caseId).session(specialist)).andExpect(status().isNotFound());
    }

    @Test
    void theAssignedPractitionerContactsAReferralHeldAtTheHubAndTheCaseGoesToTheirProvider() throws Exception {
        long hub = organisations.findByName("NHS Greater Manchester").orElseThrow().id();
        Accepted referral = acceptedReferral(hub);
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        MockHttpSession manager = SignIn.as(mvc, SignIn.BURY_MANAGER);

        mvc.perform(get("/referrals/" + referral.id() + "/contact").session(manager)).andExpect(status().isNotFound());
        attempt(coach, referral.id(), today(), "EMAIL", "NO_ANSWER");
        assertThat(count("SELECT COUNT(*) FROM contact_attempt WHERE referral_id = ?", referral.id())).isEqualTo(1);

        // The case goes to the coach's provider, under its live contract, where the provider's staff can see it.
        attempt(coach, referral.id(), today(), "PHONE", "WANTS_SUPPORT");
        Map<String, Object> supportCase = jdbc.sql("SELECT id, organisation_id FROM support_case WHERE referral_id = ?")
                .param(referral.id()).query().singleRow();
        assertThat(supportCase).containsEntry("organisation_id", buryLiveWell());
        assertThat(jdbc.sql("SELECT contract_id, organisation_id FROM milestone WHERE referral_id = ?")
                .param(referral.id()).query().singleRow()).containsEntry("contract_id", referral.contract().id())
                .containsEntry("organisation_id", buryLiveWell());
        mvc.perform(get("/cases/" + supportCase.get("id")).session(manager)).andExpect(status().isOk());
    }

    @Test
    void aReferralNotYetAcceptedTakesNoAttempts() throws Exception {
        Accepted referral = acceptedReferral(buryLiveWell());
        jdbc.sql("UPDATE referral SET status = 'IN_TRIAGE' WHERE id = ?").param(referral.id()).update();
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);

        Document page = page(coach, referral.id());
        assertThat(page.select("main form")).isEmpty();
        assertThat(page.select(".govuk-inset-text").text()).contains("This referral is in triage");
        attempt(coach, referral.id(), today(), "PHONE", "WANTS_SUPPORT");
        assertThat(count("SELECT COUNT(*) FROM contact_attempt WHERE referral_id = ?", referral.id())).isZero();
        assertThat(count("SELECT COUNT(*) FROM support_case WHERE referral_id = ?", referral.id())).isZero();
    }

    // --- helpers ---

    record Accepted(long id, String reference, String fullName, Programme programme, Long cohortId,
            Contract contract) {
    }

    /** A referral accepted onto a programme of its own, live-contracted to Bury Live Well, assigned to the coach. */
    private Accepted acceptedReferral(long routedTo) {
        String code = "CT" + letters(6).toUpperCase();
        long gm = organisations.findByName("NHS Greater Manchester").orElseThrow().id();
        Programme programme = programmes.createUnchecked(code, "Contact test " + code, SupportType.LOW_INTENSITY,
                null, gm);
        programme = programmes.addCohortUnchecked(programme.id(), "C3", "Recently out of work", null);
        Long cohortId = jdbc.sql("SELECT id FROM cohort WHERE programme_id = ?").param(programme.id())
                .query(Long.class).single();
        // An old contract that has ended, and the live one the milestone must count towards.
        programmes.addContractUnchecked(new NewContract(code + "-OLD", programme.id(), buryLiveWell(), gm, "Bury",
                today().minusYears(3), today().minusYears(1), null));
        Contract live = programmes.addContractUnchecked(new NewContract(code + "-LIVE", programme.id(),
                buryLiveWell(), gm, "Bury", today().minusMonths(6), today().plusYears(1), null));

        String lastName = "Contact" + letters(8);
        ReferralAnswers answers = new ReferralAnswers(false, null, null, null, "Robin", lastName,
                LocalDate.of(1985, 5, 5), null, "07700900982", null, "1 Silver Street", null, "Bury", "BL9 0EJ",
                ContactPreference.PHONE, "Mornings", null, null, EmploymentStatus.UNEMPLOYED, today().minusWeeks(6),
                null, null, null, true, false, false, "Anxiety", null, "Help to get back to work", true, false,
                null, null, null, null, null);
        ReferralIntake.Submitted submitted = intake.submit(answers, ReferralSource.PUBLIC, null, null);
        jdbc.sql("""
                UPDATE referral SET status = 'ACCEPTED', programme_id = ?, cohort_id = ?, assigned_person_id = ?,
                       routed_organisation_id = ? WHERE id = ?
                """).params(programme.id(), cohortId, personId(SignIn.BURY_COACH), routedTo, submitted.id()).update();
        return new Accepted(submitted.id(), submitted.reference(), "Robin " + lastName, programme, cohortId, live);
    }

    private org.springframework.test.web.servlet.ResultActions attempt(MockHttpSession session, long referralId,
            LocalDate on, String channel, String outcome) throws Exception {
        return mvc.perform(post("/referrals/" + referralId + "/contact").session(session).with(csrf())
                .param("attemptedOnDay", String.valueOf(on.getDayOfMonth()))
                .param("attemptedOnMonth", String.valueOf(on.getMonthValue()))
                .param("attemptedOnYear", String.valueOf(on.getYear()))
                .param("channel", channel).param("outcome", outcome))
                .andExpect(status().is3xxRedirection());
    }

    private Document page(MockHttpSession session, long referralId) throws Exception {
        return Jsoup.parse(mvc.perform(get("/referrals/" + referralId + "/contact").session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private long buryLiveWell() {
        return organisations.findByName("Bury Council Live Well service").orElseThrow().id();
    }

    private long personId(String email) {
        return jdbc.sql("SELECT id FROM person WHERE email = ?").param(email).query(Long.class).single();
    }

    private String referralStatus(long referralId) {
        return jdbc.sql("SELECT status FROM referral WHERE id = ?").param(referralId).query(String.class).single();
    }

    private int count(String sql, Object param) {
        return jdbc.sql(sql).param(param).query(Integer.class).single();
    }
}
