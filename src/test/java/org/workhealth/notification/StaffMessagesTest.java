package org.workhealth.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.workhealth.TestData.letters;
import static org.workhealth.TestData.today;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
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
import org.workhealth.TestData.Referral;
import org.workhealth.casework.Casework;
import org.workhealth.casework.OpenCase;
import org.workhealth.organisation.Organisations;
import org.workhealth.platform.DailyJob;
import org.workhealth.programme.Programmes;
import org.workhealth.referral.EmploymentStatus;
import org.workhealth.referral.internal.ReferralIntake;
import org.workhealth.referral.internal.ReferralSource;

import tools.jackson.databind.json.JsonMapper;

/**
 * The daily emails to staff: provider managers' alerts about referrals near or past the 2-working-day deadline, and
 * practitioners' digests of overdue reviews; once a day however often the day is run, none for someone who chose not
 * to get them, and people's choice on their account page. Each test runs the jobs for a day of its own, far ahead,
 * so other tests' runs for today never matter.
 */
@SpringBootTest
@AutoConfigureMockMvc
class StaffMessagesTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String BURY_COACH2 = "coach2@bury.workhealth.example";
    private static final String OLDHAM_MANAGER = "manager@oldham.workhealth.example";

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final ReferralIntake intake;
    private final Programmes programmes;
    private final Organisations organisations;
    private final Casework casework;
    private final List<DailyJob> jobs;

    @Autowired
    StaffMessagesTest(MockMvc mvc, JdbcClient jdbc, ReferralIntake intake, Programmes programmes,
            Organisations organisations, Casework casework, List<DailyJob> jobs) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.intake = intake;
        this.programmes = programmes;
        this.organisations = organisations;
        this.casework = casework;
        this.jobs = jobs;
    }

    @Test
    void aProviderManagerIsToldOnceADayOfReferralsPastAndNearTheirDeadlineByReferenceOnly() {
        // Wednesday 9 January 2030: the next working day is Thursday 10th.
        LocalDate day = LocalDate.of(2030, 1, 9);
        String overdue = referral("Bury Council Live Well service", LocalDate.of(2030, 1, 8));
        String dueTomorrow = referral("Bury Council Live Well service", LocalDate.of(2030, 1, 10));
        String later = referral("Bury Council Live Well service", LocalDate.of(2030, 1, 14));

        job("referrals-due-alerts").run(day);
        job("referrals-due-alerts").run(day);

        String key = "referrals-due-alert:" + personId(SignIn.BURY_MANAGER) + ":" + day;
        assertThat(count(key)).isEqualTo(1);
        Map<String, Object> message = message(key);
        assertThat(message).containsEntry("template", "REFERRALS_DUE_ALERT")
                .containsEntry("recipient", SignIn.BURY_MANAGER).containsEntry("channel", "EMAIL");
        Map<String, String> fields = fields(message);
        assertThat(fields.get("overdue_references")).contains(overdue).doesNotContain(dueTomorrow, later);
        assertThat(fields.get("due_references")).contains(dueTomorrow).doesNotContain(overdue, later);
        assertThat(fields).containsEntry("organisation", "Bury Council Live Well service");
        // References only: no names.
        assertThat(message.get("personalisation").toString()).doesNotContain("Alex");
        // Practitioners are not provider managers: no alert for the coach.
        assertThat(count("referrals-due-alert:" + personId(SignIn.BURY_COACH) + ":" + day)).isZero();
    }

    @Test
    void aManagerWhoChoseNotToGetAlertsGetsNoneAndCanChooseThemAgain() throws Exception {
        LocalDate day = LocalDate.of(2030, 2, 6);
        referral("Oldham Working Well service", LocalDate.of(2030, 2, 1));
        MockHttpSession manager = SignIn.as(mvc, OLDHAM_MANAGER);
        Document choices = page(manager, "/account/messages");
        assertThat(choices.select("h1").text()).isEqualTo("Emails you get");
        assertThat(choices.select("input[name=wanted]").eachAttr("value"))
                .containsExactly("OVERDUE_REFERRALS", "DUE_REMINDERS");
        assertThat(choices.select("input[name=wanted][checked]")).hasSize(2);

        mvc.perform(post("/account/messages").session(manager).with(csrf()).param("wanted", "DUE_REMINDERS")
                .param("wanted", "NOT_A_CATEGORY")).andExpect(redirectedUrl("/account"));
        assertThat(page(manager, "/account").select(".govuk-summary-list").text())
                .contains("Those you need to act on, and: Returns and claims due soon");
        job("referrals-due-alerts").run(day);
        assertThat(count("referrals-due-alert:" + personId(OLDHAM_MANAGER) + ":" + day)).isZero();

        mvc.perform(post("/account/messages").session(manager).with(csrf()).param("wanted", "OVERDUE_REFERRALS")
                .param("wanted", "DUE_REMINDERS")).andExpect(redirectedUrl("/account"));
        job("referrals-due-alerts").run(day.plusDays(1));
        assertThat(count("referrals-due-alert:" + personId(OLDHAM_MANAGER) + ":" + day.plusDays(1))).isEqualTo(1);
    }

    @Test
    void aPractitionerGetsOneDigestOfOverdueReviewsAndNoneWhenTheyChoseNot() throws Exception {
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        long caseId = openCase(SignIn.BURY_COACH);
        agree(coach, caseId);
        long other = openCase(BURY_COACH2);
        agree(coach, other);
        LocalDate day = today().plusYears(5);
        LocalDate due = today().plusWeeks(4);

        MockHttpSession coach2 = SignIn.as(mvc, BURY_COACH2);
        assertThat(page(coach2, "/account/messages").select("input[name=wanted]").eachAttr("value"))
                .containsExactly("PRACTITIONER_DIGEST");
        mvc.perform(post("/account/messages").session(coach2).with(csrf())).andExpect(redirectedUrl("/account"));

        job("practitioner-digest").run(day);
        job("practitioner-digest").run(day);

        String key = "practitioner-digest:" + personId(SignIn.BURY_COACH) + ":" + day;
        assertThat(count(key)).isEqualTo(1);
        Map<String, Object> message = message(key);
        assertThat(message).containsEntry("template", "PRACTITIONER_DIGEST")
                .containsEntry("recipient", SignIn.BURY_COACH);
        assertThat(fields(message).get("reviews")).contains("* Case " + reference(caseId) + ", due "
                + org.workhealth.govuk.DateAnswer.format(due)).doesNotContain(reference(other));
        assertThat(count("practitioner-digest:" + personId(BURY_COACH2) + ":" + day)).isZero();

        // Nothing overdue, nothing sent: the day before the first review fell due.
        job("practitioner-digest").run(due.minusDays(1));
        assertThat(jdbc.sql("SELECT personalisation FROM notification_message WHERE event_key = ?")
                .param("practitioner-digest:" + personId(SignIn.BURY_COACH) + ":" + due.minusDays(1))
                .query(String.class).optional().orElse("")).doesNotContain(reference(caseId));

        assertThat(count("practitioner-digest:" + personId(SignIn.BURY_MANAGER) + ":" + day)).isZero();

        mvc.perform(post("/account/messages").session(coach2).with(csrf()).param("wanted", "PRACTITIONER_DIGEST"))
                .andExpect(redirectedUrl("/account"));
    }

    // --- helpers ---

    private DailyJob job(String name) {
        return jobs.stream().filter(j -> j.name().equals(name)).findFirst().orElseThrow();
    }

    /** An open referral routed to the organisation, due at 17:00 on the day; its reference. */
    private String referral(String organisation, LocalDate dueOn) {
        ReferralIntake.Submitted submitted = intake.submit(Referral.of("Alex", "Due" + letters(8)).answers(),
                ReferralSource.PUBLIC, null, null);
        jdbc.sql("UPDATE referral SET routed_organisation_id = ?, response_due_at = ? WHERE id = ?")
                .params(organisations.findByName(organisation).orElseThrow().id(),
                        Timestamp.from(dueOn.atTime(17, 0).atZone(LONDON).toInstant()), submitted.id())
                .update();
        return submitted.reference();
    }

    private long openCase(String keyWorker) {
        ReferralIntake.Submitted submitted = intake.submit(Referral.of("Sam", "Digest" + letters(8)).answers(),
                ReferralSource.PUBLIC, null, null);
        return casework.openCase(new OpenCase(submitted.id(), submitted.reference(),
                programmes.findByCode("WW").orElseThrow().id(), null,
                organisations.findByName("Bury Council Live Well service").orElseThrow().id(), personId(keyWorker),
                EmploymentStatus.UNEMPLOYED.name(), today().minusMonths(1)));
    }

    /** A plan agreed today, reviewed every 4 weeks: its first review falls due in 4 weeks. */
    private void agree(MockHttpSession session, long caseId) throws Exception {
        LocalDate due = today().plusWeeks(2);
        mvc.perform(post("/cases/" + caseId + "/action-plan/edit").session(session).with(csrf())
                .param("goals", "Find work").param("reviewIntervalWeeks", "4")
                .param("actionDescription", "Update CV", "").param("actionOwner", "PARTICIPANT", "")
                .param("actionDueDay", String.valueOf(due.getDayOfMonth()), "")
                .param("actionDueMonth", String.valueOf(due.getMonthValue()), "")
                .param("actionDueYear", String.valueOf(due.getYear()), "")
                .param("actionStatus", "NOT_STARTED", "NOT_STARTED"));
        mvc.perform(post("/cases/" + caseId + "/action-plan/agree").session(session).with(csrf())
                .param("agreedOnDay", String.valueOf(today().getDayOfMonth()))
                .param("agreedOnMonth", String.valueOf(today().getMonthValue()))
                .param("agreedOnYear", String.valueOf(today().getYear())).param("agreedHow", "PHONE"))
                .andExpect(redirectedUrl("/cases/" + caseId + "/action-plan"));
    }

    private String reference(long caseId) {
        return jdbc.sql("SELECT reference FROM support_case WHERE id = ?").param(caseId).query(String.class).single();
    }

    private long personId(String email) {
        return jdbc.sql("SELECT id FROM person WHERE email = ?").param(email).query(Long.class).single();
    }

    private Map<String, Object> message(String key) {
        return jdbc.sql("SELECT * FROM notification_message WHERE event_key = ?").param(key).query().singleRow();
    }

    private int count(String key) {
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
}
