package org.workhealth.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.workhealth.SignIn;
import org.workhealth.TestData;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;
import org.workhealth.referral.Referrer;
import org.workhealth.referral.internal.ReferralAnswers;
import org.workhealth.referral.internal.ReferralIntake;
import org.workhealth.referral.internal.ReferralSource;
import org.workhealth.retention.ErasureTarget;
import org.workhealth.subjectaccess.HeldRecords;

/** Whoever makes a referral is told its reference, once; administrators see what would have been sent. */
@SpringBootTest
@AutoConfigureMockMvc
class ReferralMessagesTest {

    private static final String REFERRER = "referrer@townside.workhealth.example";

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    ReferralIntake intake;
    @Autowired
    Messages messages;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    ErasureTarget erasure;
    @Autowired
    Programmes programmes;
    @Autowired
    List<HeldRecords> held;

    @Test
    void aPersonWhoRefersThemselfIsToldTheirReferenceOnceAndAnAdministratorSeesIt() throws Exception {
        String email = "sam." + UUID.randomUUID() + "@example.com";
        ReferralAnswers answers = withEmail(TestData.Referral.of("Sam", "Messagetest").answers(), email);
        String key = UUID.randomUUID().toString();

        ReferralIntake.Submitted submitted = intake.submit(answers, ReferralSource.PUBLIC, null, key);
        intake.submit(answers, ReferralSource.PUBLIC, null, key);

        assertThat(messagesTo(email)).containsExactly(Map.of("template", "SELF_REFERRAL_RECEIVED",
                "channel", "EMAIL", "status", "KEPT"));
        Document page = page(SignIn.GM_ADMIN);
        String shown = page.select("#message-" + id(email)).text();
        assertThat(shown).contains("Your referral has been received", "Email to " + email, "Dear Sam",
                "Your reference is " + submitted.reference() + ".");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event_record WHERE record_type = 'notification_message' "
                + "AND record_id = ?")
                .param(String.valueOf(id(email))).query(Integer.class).single()).isPositive();
    }

    @Test
    void aReferrerIsToldTheReferenceAndSomeoneWhoGaveNoEmailIsNotWritten() throws Exception {
        long referrerId = data.personId(REFERRER);
        long practice = jdbc.sql("SELECT organisation_id FROM person WHERE id = ?").param(referrerId)
                .query(Long.class).single();
        ReferralIntake.Submitted byPractice = intake.submit(TestData.Referral.of("Ali", "Messagetest").answers(),
                ReferralSource.PARTNER, new Referrer(referrerId, practice), null);
        assertThat(jdbc.sql("SELECT recipient, template FROM notification_message WHERE event_key = ?")
                .param("referral-received:" + byPractice.id()).query().singleRow())
                .containsEntry("recipient", REFERRER).containsEntry("template", "REFERRAL_RECEIVED");

        ReferralIntake.Submitted noEmail = data.refer(TestData.Referral.of("Jo", "Messagetest"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notification_message WHERE event_key = ?")
                .param("referral-received:" + noEmail.id()).query(Integer.class).single()).isZero();
    }

    @Test
    void aReferrerIsToldWhatTriageDecidedInWordsForThemNotTheTriagersReasons() throws Exception {
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        long declined = byPractice("Dee").id();
        mvc.perform(post("/referrals/" + declined + "/decline").param("reason", "Known to the team, private detail")
                .session(coach).with(csrf())).andExpect(status().is3xxRedirection());
        long signposted = byPractice("Sid").id();
        mvc.perform(post("/referrals/" + signposted + "/signpost").param("service", "Citizens Advice Bury")
                .session(coach).with(csrf())).andExpect(status().is3xxRedirection());
        ReferralIntake.Submitted accepted = byPractice("Ace");
        Programme workwell = programmes.findByCode("WW").orElseThrow();
        mvc.perform(post("/referrals/" + accepted.id() + "/accept").param("programmeId", String.valueOf(workwell.id()))
                .param("cohortId", String.valueOf(workwell.cohortsInOrder().get(0).id()))
                .param("cohortOverrideReason", "Chosen in a test")
                .param("practitionerId", String.valueOf(data.personId(SignIn.BURY_COACH)))
                .session(coach).with(csrf())).andExpect(status().is3xxRedirection());

        Document page = page(SignIn.GM_ADMIN);
        assertThat(decisionMessage(page, declined)).contains("Referral not accepted", "Email to " + REFERRER,
                "has not been accepted").doesNotContain("private detail");
        assertThat(decisionMessage(page, signposted)).contains("Referral passed on",
                "We have told the person about Citizens Advice Bury");
        assertThat(decisionMessage(page, accepted.id())).contains("Referral accepted: " + accepted.reference(),
                "has been accepted onto WorkWell");
    }

    @Test
    void aSubjectAccessExportShowsTheAcknowledgementAndErasingTheReferralErasesIt() {
        String email = "erase." + UUID.randomUUID() + "@example.com";
        ReferralIntake.Submitted submitted = intake.submit(
                withEmail(TestData.Referral.of("Kim", "Messagetest").answers(), email), ReferralSource.PUBLIC, null,
                null);
        assertThat(messagesTo(email)).hasSize(1);
        // A subject access export shows it while it is held.
        assertThat(held.stream().flatMap(h -> h.heldAbout(submitted.id()).stream())
                .filter(set -> set.title().equals("Messages about the referral"))
                .flatMap(set -> set.rows().stream()).map(row -> row.get("recipient"))).containsExactly(email);
        // Only a referral no longer being worked on may be erased.
        jdbc.sql("UPDATE referral SET status = 'DECLINED' WHERE id = ?").param(submitted.id()).update();

        assertThat(erasure.erase(submitted.reference())).isPositive();

        assertThat(messagesTo(email)).isEmpty();
    }

    @Test
    void aMessageExistsOnlyWithWhatCausedIt() {
        String email = "rolled." + UUID.randomUUID() + "@example.com";
        NewMessage message = new NewMessage("test:" + email, MessageTemplate.REFERRAL_RECEIVED,
                NewMessage.Channel.EMAIL, email, Map.of("reference", "WH-TEST"), data.buryLiveWell());
        assertThatThrownBy(() -> messages.queue(message)).isInstanceOf(IllegalTransactionStateException.class);
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            messages.queue(message);
            tx.setRollbackOnly();
        });
        assertThat(messagesTo(email)).isEmpty();
        assertThatThrownBy(() -> new NewMessage("test", MessageTemplate.REFERRAL_RECEIVED, NewMessage.Channel.EMAIL,
                email, Map.of("first_name", "Sam"), 1L)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void administratorsSeeOnlyTheirOrganisationsMessagesAndOthersNone() throws Exception {
        String email = "midlands." + UUID.randomUUID() + "@example.com";
        long blackCountry = data.org("Black Country Healthcare NHS Foundation Trust");
        new TransactionTemplate(transactions).executeWithoutResult(tx -> messages.queue(new NewMessage(
                "test:" + email, MessageTemplate.REFERRAL_RECEIVED, NewMessage.Channel.EMAIL, email,
                Map.of("reference", "WH-MIDLANDS"), blackCountry)));

        assertThat(page(SignIn.NATIONAL_ADMIN).text()).contains(email);
        assertThat(page(SignIn.GM_ADMIN).text()).doesNotContain(email);
        mvc.perform(get("/admin/messages").session(SignIn.as(mvc, SignIn.BURY_COACH)))
                .andExpect(status().isNotFound());
        // A hand-edited page number shows a page of the list, not an error.
        for (String page : List.of("abc", "-3", "99999")) {
            mvc.perform(get("/admin/messages").param("page", page).session(SignIn.as(mvc, SignIn.NATIONAL_ADMIN)))
                    .andExpect(status().isOk());
        }
    }

    private ReferralIntake.Submitted byPractice(String firstName) {
        long referrerId = data.personId(REFERRER);
        long practice = jdbc.sql("SELECT organisation_id FROM person WHERE id = ?").param(referrerId)
                .query(Long.class).single();
        return intake.submit(TestData.Referral.of(firstName, "Messagetest").answers(), ReferralSource.PARTNER,
                new Referrer(referrerId, practice), null);
    }

    /** The kept message a decision on the referral made, as the administrators' page shows it. */
    private String decisionMessage(Document page, long referralId) {
        long id = jdbc.sql("SELECT id FROM notification_message WHERE event_key = ?")
                .param("referral-decided:" + referralId).query(Long.class).single();
        return page.select("#message-" + id).text();
    }

    private Document page(String who) throws Exception {
        return Jsoup.parse(mvc.perform(get("/admin/messages").session(SignIn.as(mvc, who)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private List<Map<String, Object>> messagesTo(String email) {
        return jdbc.sql("SELECT template, channel, status FROM notification_message WHERE recipient = ?")
                .param(email).query().listOfRows();
    }

    private long id(String email) {
        return jdbc.sql("SELECT id FROM notification_message WHERE recipient = ?").param(email).query(Long.class)
                .single();
    }

    private static ReferralAnswers withEmail(ReferralAnswers a, String email) {
        return new ReferralAnswers(a.referringSomeoneElse(), a.personAgrees(), a.referrerName(), a.referrerContact(),
                a.firstName(), a.lastName(), a.dateOfBirth(), a.nhsNumber(), a.phone(), email, a.addressLine1(),
                a.addressLine2(), a.town(), a.postcode(), a.contactPreference(), a.bestTimes(), a.gpPractice(),
                a.gpPracticeCode(), a.employmentStatus(), a.unemployedSince(), a.employerName(), a.hasFitNote(),
                a.fitNoteSince(), a.mentalHealth(), a.musculoskeletal(), a.otherCondition(), a.conditionDetails(),
                a.waitingForTreatment(), a.helpWanted(), a.consentToContact(), a.consentToContactEmployer(), a.sex(),
                a.genderSameAsBirth(), a.ethnicity(), a.disability(), a.caring());
    }
}
