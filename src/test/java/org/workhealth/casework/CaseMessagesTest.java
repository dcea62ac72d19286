package org.workhealth.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.workhealth.TestData.letters;
import static org.workhealth.TestData.today;

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
import org.springframework.test.web.servlet.ResultActions;
import org.workhealth.SignIn;
import org.workhealth.organisation.Organisations;
import org.workhealth.programme.Programmes;
import org.workhealth.referral.EmploymentStatus;
import org.workhealth.referral.internal.ContactPreference;
import org.workhealth.referral.internal.ReferralAnswers;
import org.workhealth.referral.internal.ReferralIntake;
import org.workhealth.referral.internal.ReferralSource;
import org.workhealth.subjectaccess.RecordSet;

import tools.jackson.databind.json.JsonMapper;

/**
 * The messages a case sends its person: appointment confirmations and day-before reminders by the channel they
 * chose, their action plan when it is shared (and the employer's copy), nothing by a channel they turned down, and
 * forgotten with the case. Each test opens its own case at Bury Live Well.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CaseMessagesTest {

    private static final String EMAIL = "sam.person@example.com";
    private static final String MOBILE = "07700900111";

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final ReferralIntake intake;
    private final Programmes programmes;
    private final Organisations organisations;
    private final Casework casework;
    private final AppointmentReminders reminders;
    private final CaseErasure erasure;
    private final CaseHeldRecords held;

    @Autowired
    CaseMessagesTest(MockMvc mvc, JdbcClient jdbc, ReferralIntake intake, Programmes programmes,
            Organisations organisations, Casework casework, AppointmentReminders reminders, CaseErasure erasure,
            CaseHeldRecords held) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.intake = intake;
        this.programmes = programmes;
        this.organisations = organisations;
        this.casework = casework;
        this.reminders = reminders;
        this.erasure = erasure;
        this.held = held;
    }

    @Test
    void aBookedAppointmentIsConfirmedByEmailToThePersonWhoAskedForEmail() throws Exception {
        long caseId = openCase(ContactPreference.EMAIL, EMAIL, MOBILE);
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        LocalDate nextWeek = today().plusDays(7);

        long id = planned(coach, caseId, nextWeek, "FACE_TO_FACE", "Bury Library");

        Map<String, Object> message = message("appointment-booked:" + id);
        assertThat(message).containsEntry("template", "APPOINTMENT_BOOKED").containsEntry("channel", "EMAIL")
                .containsEntry("recipient", EMAIL)
                .containsEntry("organisation_id", org("Bury Council Live Well service"));
        assertThat(fields(message)).containsEntry("first_name", "Sam")
                .containsEntry("when", CasePages.appointmentTime(nextWeek.atTime(14, 30)))
                .containsEntry("how", "It is face to face at Bury Library")
                .containsEntry("service", "Bury Council Live Well service");

        // One recorded after it happened, to note its outcome, is not news to the person.
        long past = planned(coach, caseId, today().minusDays(1), "PHONE", "");
        assertThat(messageCount("appointment-booked:" + past)).isZero();
    }

    @Test
    void someoneWhoAskedForTextsIsConfirmedByTextAndSomeoneWhoAskedForCallsWithoutEmailGetsNothing()
            throws Exception {
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        long texted = openCase(ContactPreference.TEXT, null, MOBILE);
        long id = planned(coach, texted, today().plusDays(3), "PHONE", "");
        Map<String, Object> message = message("appointment-booked:" + id);
        assertThat(message).containsEntry("template", "APPOINTMENT_BOOKED_SMS").containsEntry("channel", "SMS")
                .containsEntry("recipient", MOBILE);
        assertThat(fields(message)).containsOnlyKeys("when", "how", "service")
                .containsEntry("how", "It is by phone: your key worker will call you");

        // A number given for calls may be a landline: it is not texted unasked.
        long called = openCase(ContactPreference.PHONE, null, MOBILE);
        long other = planned(coach, called, today().plusDays(3), "PHONE", "");
        assertThat(messageCount("appointment-booked:" + other)).isZero();
    }

    @Test
    void thePractitionerRecordsThePersonsChoiceAndNothingIsSentByAChannelTheyTurnedDown() throws Exception {
        long caseId = openCase(ContactPreference.EMAIL, EMAIL, MOBILE);
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        assertThat(page(coach, "/cases/" + caseId).select(".govuk-summary-list").text())
                .contains("Messages By email, with reminders (from the referral)");

        Document refused = Jsoup.parse(choose(coach, caseId, null, null).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
        assertThat(refused.select(".govuk-error-summary a").eachText()).containsExactly(
                "Select how they want to get messages",
                "Select whether they want a reminder the day before each appointment");

        choose(coach, caseId, "NONE", null).andExpect(redirectedUrl("/cases/" + caseId))
                .andExpect(flash().attribute("notice", "How they get messages is saved"));
        assertThat(page(coach, "/cases/" + caseId).select(".govuk-summary-list").text())
                .contains("Messages No messages");
        long id = planned(coach, caseId, today().plusDays(1), "VIDEO", "");
        assertThat(messageCount("appointment-booked:" + id)).isZero();
        reminders.run(today());
        assertThat(messageCount("appointment-reminder:" + id + ":" + today().plusDays(1))).isZero();

        choose(coach, caseId, "SMS", "NO").andExpect(redirectedUrl("/cases/" + caseId));
        long texted = planned(coach, caseId, today().plusDays(1), "PHONE", "");
        assertThat(message("appointment-booked:" + texted)).containsEntry("channel", "SMS")
                .containsEntry("recipient", MOBILE);
        reminders.run(today());
        assertThat(messageCount("appointment-reminder:" + texted + ":" + today().plusDays(1))).isZero();
        assertThat(jdbc.sql("SELECT channel, reminders FROM case_message_choice WHERE case_id = ?").param(caseId)
                .query((rs, n) -> rs.getString(1) + "|" + rs.getBoolean(2)).single()).isEqualTo("SMS|false");
    }

    @Test
    void emailIsRefusedForSomeoneWhoGaveNoAddress() throws Exception {
        long caseId = openCase(ContactPreference.PHONE, null, MOBILE);
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        Document page = page(coach, "/cases/" + caseId + "/messages");
        assertThat(page.select("h1").text()).isEqualTo("How they get messages");
        assertThat(page.text()).contains("No email address was given on the referral", "To " + MOBILE);
        Document refused = Jsoup.parse(choose(coach, caseId, "EMAIL", "YES").andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
        assertThat(refused.select(".govuk-error-summary a").eachText())
                .containsExactly("They gave no email address: choose another way");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM case_message_choice WHERE case_id = ?").param(caseId)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void theDayBeforeReminderIsQueuedOnceHoweverOftenTheDaysRunIsRepeated() throws Exception {
        long caseId = openCase(ContactPreference.EMAIL, EMAIL, null);
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        LocalDate tomorrow = today().plusDays(1);
        long id = planned(coach, caseId, tomorrow, "FACE_TO_FACE", "Bury Library");
        long later = planned(coach, caseId, today().plusDays(2), "PHONE", "");

        reminders.run(today());
        reminders.run(today());

        String key = "appointment-reminder:" + id + ":" + tomorrow;
        assertThat(messageCount(key)).isEqualTo(1);
        Map<String, Object> message = message(key);
        assertThat(message).containsEntry("template", "APPOINTMENT_REMINDER").containsEntry("recipient", EMAIL);
        assertThat(fields(message)).containsEntry("first_name", "Sam")
                .containsEntry("when", CasePages.appointmentTime(tomorrow.atTime(14, 30)))
                .containsEntry("how", "It is face to face at Bury Library");
        assertThat(messageCount("appointment-reminder:" + later + ":" + today().plusDays(2))).isZero();
    }

    @Test
    void aSharedPlanGoesToTheEmployerAndACopyToThePersonByEmailOnly() throws Exception {
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        long caseId = openCase(ContactPreference.EMAIL, EMAIL, MOBILE);
        agreedWithConsent(coach, caseId);

        mvc.perform(share(coach, caseId)).andExpect(redirectedUrl("/cases/" + caseId + "/action-plan"))
                .andExpect(flash().attribute("notice", "Plan sent to Pat Manager and a copy to the person by email"));
        long shareId = jdbc.sql("SELECT id FROM plan_share WHERE case_id = ?").param(caseId).query(Long.class)
                .single();
        Map<String, Object> employer = message("plan-shared-employer:" + shareId);
        assertThat(employer).containsEntry("template", "ACTION_PLAN_TO_EMPLOYER")
                .containsEntry("recipient", "pat@buryfoods.example");
        String due = org.workhealth.govuk.DateAnswer.format(today().plusWeeks(2));
        assertThat(fields(employer)).containsEntry("employer_contact", "Pat Manager")
                .containsEntry("person_name", name(caseId))
                .containsEntry("actions", "* Update CV, then apply (the person, by " + due + ")");
        Map<String, Object> person = message("plan-shared-person:" + shareId);
        assertThat(person).containsEntry("template", "ACTION_PLAN_TO_PERSON").containsEntry("recipient", EMAIL);
        assertThat(fields(person)).containsEntry("first_name", "Sam").containsEntry("actions",
                "* Update CV, then apply (the person, by " + due + ")");

        // Someone who gets texts is given the plan by their key worker: only the employer is emailed.
        long texted = openCase(ContactPreference.TEXT, EMAIL, MOBILE);
        agreedWithConsent(coach, texted);
        mvc.perform(share(coach, texted)).andExpect(flash().attribute("notice",
                "Plan sent to Pat Manager. The person does not get emails from the service: give them a copy of the plan"));
        long other = jdbc.sql("SELECT id FROM plan_share WHERE case_id = ?").param(texted).query(Long.class).single();
        assertThat(messageCount("plan-shared-employer:" + other)).isEqualTo(1);
        assertThat(messageCount("plan-shared-person:" + other)).isZero();
    }

    @Test
    void aLongPlanIsCutAtAWholeActionAndSaysHowManyMore() {
        List<ActionPlans.PlanAction> actions = java.util.stream.IntStream.range(0, 40)
                .mapToObj(i -> new ActionPlans.PlanAction("Action " + i + " " + "x".repeat(200), ActionOwner.EMPLOYER,
                        LocalDate.of(2027, 1, 12), ActionStatus.NOT_STARTED)).toList();
        String text = CaseMessages.actionsText(actions);
        assertThat(text.length()).isLessThanOrEqualTo(CaseMessages.ACTIONS_LIMIT);
        assertThat(text).startsWith("* Action 0 ").contains("(the employer, by 12 January 2027)")
                .endsWith(" more actions: ask your key worker for the whole plan");
        assertThat(text.lines().filter(l -> l.startsWith("* Action")).count()).isEqualTo(9);
        assertThat(text).contains("* and 31 more actions");
    }

    @Test
    void aCasesMessagesAreInItsSubjectAccessExportAndGoWhenItIsErased() throws Exception {
        long caseId = openCase(ContactPreference.EMAIL, EMAIL, MOBILE);
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        long id = planned(coach, caseId, today().plusDays(1), "PHONE", "");
        reminders.run(today());
        long referralId = jdbc.sql("SELECT referral_id FROM support_case WHERE id = ?").param(caseId)
                .query(Long.class).single();
        RecordSet messages = held.heldAbout(referralId).stream()
                .filter(s -> s.title().equals("Messages about the case")).findFirst().orElseThrow();
        assertThat(messages.rows()).extracting(r -> r.get("template"))
                .containsExactly("APPOINTMENT_BOOKED", "APPOINTMENT_REMINDER");

        jdbc.sql("UPDATE support_case SET status = 'CLOSED' WHERE id = ?").param(caseId).update();
        assertThat(erasure.eraseOnRequest(caseId)).isEqualTo(1);
        assertThat(messageCount("appointment-booked:" + id)).isZero();
        assertThat(messageCount("appointment-reminder:" + id + ":" + today().plusDays(1))).isZero();
    }

    // --- helpers ---

    private long planned(MockHttpSession session, long caseId, LocalDate on, String channel, String place)
            throws Exception {
        mvc.perform(post("/cases/" + caseId + "/appointments/new").session(session).with(csrf())
                .param("startsOnDay", String.valueOf(on.getDayOfMonth()))
                .param("startsOnMonth", String.valueOf(on.getMonthValue()))
                .param("startsOnYear", String.valueOf(on.getYear())).param("hour", "14").param("minute", "30")
                .param("channel", channel).param("place", place))
                .andExpect(redirectedUrl("/cases/" + caseId + "/appointments"));
        return jdbc.sql("SELECT MAX(id) FROM appointment WHERE case_id = ?").param(caseId).query(Long.class).single();
    }

    private ResultActions choose(MockHttpSession session, long caseId, String channel, String remind)
            throws Exception {
        var request = post("/cases/" + caseId + "/messages").session(session).with(csrf());
        if (channel != null) {
            request.param("channel", channel);
        }
        if (remind != null) {
            request.param("reminders", remind);
        }
        return mvc.perform(request);
    }

    private void agreedWithConsent(MockHttpSession session, long caseId) throws Exception {
        LocalDate due = today().plusWeeks(2);
        mvc.perform(post("/cases/" + caseId + "/action-plan/edit").session(session).with(csrf())
                .param("goals", "Stay in work").param("reviewIntervalWeeks", "4")
                .param("actionDescription", "Update CV, then apply", "")
                .param("actionOwner", "PARTICIPANT", "")
                .param("actionDueDay", String.valueOf(due.getDayOfMonth()), "")
                .param("actionDueMonth", String.valueOf(due.getMonthValue()), "")
                .param("actionDueYear", String.valueOf(due.getYear()), "")
                .param("actionStatus", "NOT_STARTED", "NOT_STARTED"));
        mvc.perform(post("/cases/" + caseId + "/action-plan/agree").session(session).with(csrf())
                .param("agreedOnDay", String.valueOf(today().getDayOfMonth()))
                .param("agreedOnMonth", String.valueOf(today().getMonthValue()))
                .param("agreedOnYear", String.valueOf(today().getYear())).param("agreedHow", "PHONE"));
        mvc.perform(post("/cases/" + caseId + "/action-plan/consent").session(session).with(csrf())
                .param("consent", "true").param("consentOnDay", String.valueOf(today().getDayOfMonth()))
                .param("consentOnMonth", String.valueOf(today().getMonthValue()))
                .param("consentOnYear", String.valueOf(today().getYear())));
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder share(
            MockHttpSession session, long caseId) {
        return post("/cases/" + caseId + "/action-plan/share").session(session).with(csrf())
                .param("employerContact", "Pat Manager").param("employerEmail", "pat@buryfoods.example");
    }

    private Map<String, Object> message(String key) {
        return jdbc.sql("SELECT * FROM notification_message WHERE event_key = ?").param(key).query().singleRow();
    }

    private int messageCount(String key) {
        return jdbc.sql("SELECT COUNT(*) FROM notification_message WHERE event_key = ?").param(key)
                .query(Integer.class).single();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> fields(Map<String, Object> message) {
        return JsonMapper.shared().readValue((String) message.get("personalisation"), Map.class);
    }

    private Document page(MockHttpSession session, String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
    }

    private String name(long caseId) {
        return jdbc.sql("""
                SELECT r.first_name || ' ' || r.last_name FROM referral r JOIN support_case c ON c.referral_id = r.id
                WHERE c.id = ?""").param(caseId).query(String.class).single();
    }

    private long org(String name) {
        return organisations.findByName(name).orElseThrow().id();
    }

    /** A case of its own at Bury Live Well on WorkWell, for Sam, who gave these contact details. */
    private long openCase(ContactPreference preference, String email, String phone) {
        ReferralAnswers answers = new ReferralAnswers(false, null, null, null, "Sam", "Messages" + letters(8),
                LocalDate.of(1982, 4, 4), null, phone, email, "3 Bank Street", null, "Bury", "BL9 0EJ", preference,
                null, null, null, EmploymentStatus.EMPLOYED, null, "Bury Foods Ltd", null, null, true, false, false,
                "Anxiety", null, "Help with work", true, true, null, null, null, null, null);
        ReferralIntake.Submitted submitted = intake.submit(answers, ReferralSource.PUBLIC, null, null);
        long coach = jdbc.sql("SELECT id FROM person WHERE email = ?").param(SignIn.BURY_COACH).query(Long.class)
                .single();
        return casework.openCase(new OpenCase(submitted.id(), submitted.reference(),
                programmes.findByCode("WW").orElseThrow().id(), null, org("Bury Council Live Well service"), coach,
                EmploymentStatus.EMPLOYED.name(), today().minusMonths(2)));
    }
}
