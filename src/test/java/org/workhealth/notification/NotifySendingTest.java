package org.workhealth.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.workhealth.SignIn;
import org.workhealth.TestData;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * With a Notify key, a queued message is sent to GOV.UK Notify (a stand-in here) with the right template, recipient,
 * personalisation and reference; a refusal is final, a missing answer, 429 or 5xx is tried again later with a longer
 * wait each time until it goes or the tries run out; Notify's delivery receipts set what happened to it. The
 * scheduler is off in this context: the test runs the worker itself, so nothing is sent behind its back.
 */
@SpringBootTest(properties = {"db-scheduler.enabled=false",
        "workhealth.notify.api-key=" + NotifyStandIn.API_KEY,
        "workhealth.notify.email-template=" + NotifyStandIn.EMAIL_TEMPLATE,
        "workhealth.notify.sms-template=" + NotifyStandIn.SMS_TEMPLATE,
        "workhealth.notify.templates.REFERRAL_ACCEPTED=" + NotifyStandIn.ACCEPTED_TEMPLATE,
        "workhealth.notify.callback-token=" + NotifySendingTest.TOKEN,
        "workhealth.notify.first-retry-after=300ms", "workhealth.notify.longest-retry-after=5s",
        "workhealth.notify.max-attempts=3", "workhealth.notify.read-timeout=2s"})
@AutoConfigureMockMvc
class NotifySendingTest {

    static final String TOKEN = "a-callback-token-of-the-operators-choosing";
    static final NotifyStandIn NOTIFY = new NotifyStandIn().start();

    @Autowired
    Messages messages;
    @Autowired
    SendingWorker worker;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.workhealth.audit.AuditLog audit;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    TestData data;
    @Autowired
    MockMvc mvc;

    @DynamicPropertySource
    static void notify(DynamicPropertyRegistry registry) {
        registry.add("workhealth.notify.base-url", NOTIFY::baseUrl);
    }

    @AfterAll
    static void stop() {
        NOTIFY.stop();
    }

    @Test
    void anEmailGoesThroughTheGenericTemplateWithTheWordsTheServiceRendered() throws Exception {
        String email = "sent." + UUID.randomUUID() + "@example.com";
        long id = queue(email, MessageTemplate.REFERRAL_RECEIVED, Map.of("reference", "WH-SENT"),
                NewMessage.Channel.EMAIL);
        assertThat(row(id)).containsEntry("status", "PENDING");

        sendDue();

        Map<String, Object> row = row(id);
        assertThat(row).containsEntry("status", "SENT").containsEntry("attempts", 1);
        assertThat((String) row.get("notify_id")).hasSize(36);
        assertThat(row.get("sent_at")).isNotNull();
        List<LoggedRequest> requests = NOTIFY.requestsFor(id);
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).getUrl()).isEqualTo("/v2/notifications/email");
        assertThat(requests.get(0).getHeader("Authorization")).startsWith("Bearer ");
        JsonNode body = JsonMapper.shared().readTree(requests.get(0).getBodyAsString());
        assertThat(body.get("template_id").stringValue()).isEqualTo(NotifyStandIn.EMAIL_TEMPLATE);
        assertThat(body.get("email_address").stringValue()).isEqualTo(email);
        assertThat(body.get("reference").stringValue()).isEqualTo(String.valueOf(id));
        assertThat(body.get("personalisation").get("subject").stringValue()).isEqualTo("Referral received: WH-SENT");
        assertThat(body.get("personalisation").get("body").stringValue())
                .startsWith("Thank you for your referral. Its reference is WH-SENT.");

        sendDue();
        assertThat(NOTIFY.requestsFor(id)).as("sent once").hasSize(1);
        assertThat(adminPage()).contains("Sent");
        assertThat(jdbc.sql("""
                SELECT detail FROM audit_event WHERE action = 'SEND' AND record_type = 'notification_message'
                AND record_id = ?""").param(String.valueOf(id)).query(String.class).list())
                .as("handing a person's details to Notify is in the audit log, once")
                .containsExactly("Sent by email through GOV.UK Notify");
    }

    @Test
    void aMessageWithATemplateOfItsOwnGoesWithItsOwnPersonalisationAndATextMessageAsOne() {
        long accepted = queue("own." + UUID.randomUUID() + "@example.com", MessageTemplate.REFERRAL_ACCEPTED,
                Map.of("reference", "WH-OWN", "programme", "WorkWell"), NewMessage.Channel.EMAIL);
        long text = queue("07700 900" + (100 + (int) (Math.random() * 800)), MessageTemplate.REFERRAL_DECLINED,
                Map.of("reference", "WH-SMS"), NewMessage.Channel.SMS);

        sendDue();

        assertThat(row(accepted)).containsEntry("status", "SENT");
        JsonNode own = JsonMapper.shared().readTree(NOTIFY.requestsFor(accepted).get(0).getBodyAsString());
        assertThat(own.get("template_id").stringValue()).isEqualTo(NotifyStandIn.ACCEPTED_TEMPLATE);
        assertThat(own.get("personalisation").get("reference").stringValue()).isEqualTo("WH-OWN");
        assertThat(own.get("personalisation").get("programme").stringValue()).isEqualTo("WorkWell");
        LoggedRequest sms = NOTIFY.requestsFor(text).get(0);
        assertThat(sms.getUrl()).isEqualTo("/v2/notifications/sms");
        JsonNode smsBody = JsonMapper.shared().readTree(sms.getBodyAsString());
        assertThat(smsBody.get("template_id").stringValue()).isEqualTo(NotifyStandIn.SMS_TEMPLATE);
        assertThat(smsBody.get("phone_number").stringValue()).startsWith("07700 900");
        assertThat(smsBody.get("personalisation").get("body").stringValue()).contains("WH-SMS");
        assertThat(row(text)).containsEntry("status", "SENT");
    }

    @Test
    void aRefusalIsFinalAndNotSentAgain() throws Exception {
        long badRequest = queue("bad." + UUID.randomUUID() + "@example.com");
        long forbidden = queue("forbidden." + UUID.randomUUID() + "@example.com");
        NOTIFY.answer(badRequest, NotifyStandIn.error(400));
        NOTIFY.answer(forbidden, NotifyStandIn.error(403));

        sendDue();
        Thread.sleep(700);
        sendDue();

        assertThat(row(badRequest)).containsEntry("status", "PERMANENT_FAILURE")
                .containsEntry("failure_reason", "HTTP_400").containsEntry("attempts", 1);
        assertThat(row(forbidden)).containsEntry("status", "PERMANENT_FAILURE")
                .containsEntry("failure_reason", "HTTP_403");
        assertThat(NOTIFY.requestsFor(badRequest)).hasSize(1);
        assertThat(NOTIFY.requestsFor(forbidden)).hasSize(1);
        assertThat(adminPage()).contains("Not sent", "GOV.UK Notify refused the message (HTTP 400)");
    }

    @Test
    void tooManyRequestsAndServerErrorsAreTriedAgainLaterWithALongerWaitEachTimeUntilNotifyRecovers()
            throws Exception {
        long id = queue("retry." + UUID.randomUUID() + "@example.com");
        NOTIFY.answerInTurn(id, List.of(NotifyStandIn.error(429), NotifyStandIn.error(500),
                NotifyStandIn.accepted()));

        sendDue();
        Map<String, Object> first = row(id);
        assertThat(first).containsEntry("status", "PENDING").containsEntry("failure_reason", "HTTP_429");
        Duration firstWait = waitOf(first);
        assertThat(firstWait).isBetween(Duration.ofMillis(250), Duration.ofMillis(400));
        sendDue();
        assertThat(NOTIFY.requestsFor(id)).as("not tried again before it is due").hasSize(1);

        sendWhenDue(id);
        Map<String, Object> second = row(id);
        assertThat(second).containsEntry("status", "PENDING").containsEntry("failure_reason", "HTTP_500")
                .containsEntry("attempts", 2);
        assertThat(waitOf(second)).isBetween(Duration.ofMillis(550), Duration.ofMillis(700));

        sendWhenDue(id);
        assertThat(row(id)).containsEntry("status", "SENT").containsEntry("attempts", 3)
                .containsEntry("failure_reason", null);
        assertThat(NOTIFY.requestsFor(id)).hasSize(3);
    }

    @Test
    void noAnswerIsTriedAgainAndAfterTheLastTryTheMessageIsATechnicalFailure() throws Exception {
        long reset = queue("reset." + UUID.randomUUID() + "@example.com");
        long slow = queue("slow." + UUID.randomUUID() + "@example.com");
        long silent = queue("silent." + UUID.randomUUID() + "@example.com");
        long down = queue("down." + UUID.randomUUID() + "@example.com");
        NOTIFY.answerInTurn(reset, List.of(
                com.github.tomakehurst.wiremock.client.WireMock.aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                NotifyStandIn.accepted()));
        // Longer than the read timeout (2 s here).
        NOTIFY.answerInTurn(slow, List.of(NotifyStandIn.accepted().withFixedDelay(4000), NotifyStandIn.accepted()));
        NOTIFY.answer(silent, NotifyStandIn.accepted().withFixedDelay(4000));
        NOTIFY.answer(down, NotifyStandIn.error(503));

        long giveUpAt = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (List.of(reset, slow, silent, down).stream().anyMatch(id -> row(id).get("next_attempt_at") != null)
                && System.nanoTime() < giveUpAt) {
            sendDue();
            Thread.sleep(100);
        }

        assertThat(row(reset)).containsEntry("status", "SENT").containsEntry("attempts", 2);
        assertThat(row(slow)).containsEntry("status", "SENT").containsEntry("attempts", 2);
        assertThat(row(silent)).containsEntry("status", "TECHNICAL_FAILURE")
                .containsEntry("failure_reason", "NO_ANSWER").containsEntry("attempts", 3);
        assertThat(row(down)).containsEntry("status", "TECHNICAL_FAILURE").containsEntry("failure_reason", "HTTP_503")
                .containsEntry("attempts", 3).containsEntry("next_attempt_at", null);
        // Each attempt was one request: the JDK did not quietly send a timed-out one again.
        assertThat(NOTIFY.requestsFor(reset)).hasSize(2);
        assertThat(NOTIFY.requestsFor(slow)).hasSize(2);
        assertThat(NOTIFY.requestsFor(silent)).hasSize(3);
        assertThat(NOTIFY.requestsFor(down)).hasSize(3);
        assertThat(adminPage()).contains("Not sent: technical failure", "GOV.UK Notify did not answer");
    }

    @Test
    void aConnectionRefusedIsNoAnswer() {
        NotifySettings settings = new NotifySettings(NotifyStandIn.API_KEY, "http://127.0.0.1:9", Map.of(),
                NotifyStandIn.EMAIL_TEMPLATE, "", "", 0, 0, 0, 0, null, null, null, null, Duration.ofSeconds(1),
                Duration.ofSeconds(1));
        NotifySender.Outcome outcome = new NotifySender(settings).send(new Outbox.Outgoing(1, "claim",
                MessageTemplate.REFERRAL_RECEIVED, NewMessage.Channel.EMAIL, "refused@example.com",
                Map.of("reference", "WH-1"), 1, 1));
        assertThat(outcome).isEqualTo(new NotifySender.TryAgain("NO_ANSWER"));
    }

    @Test
    void deliveryReceiptsSayWhatHappenedAndOnlyNotifyMaySendThem() throws Exception {
        long delivered = queue("delivered." + UUID.randomUUID() + "@example.com");
        long bounced = queue("bounced." + UUID.randomUUID() + "@example.com");
        sendDue();
        String deliveredId = (String) row(delivered).get("notify_id");
        String bouncedId = (String) row(bounced).get("notify_id");

        receipt("Bearer wrong-token", deliveredId, delivered, "delivered").andExpect(status().isUnauthorized());
        receipt(null, deliveredId, delivered, "delivered").andExpect(status().isUnauthorized());
        receipt("Bearer " + TOKEN.substring(1), deliveredId, delivered, "delivered")
                .andExpect(status().isUnauthorized());
        assertThat(row(delivered)).containsEntry("status", "SENT");

        receipt("Bearer " + TOKEN, deliveredId, delivered, "delivered").andExpect(status().isNoContent());
        receipt("Bearer " + TOKEN, bouncedId, bounced, "permanent-failure").andExpect(status().isNoContent());
        receipt("Bearer " + TOKEN, UUID.randomUUID().toString(), 0, "delivered").andExpect(status().isNoContent());
        mvc.perform(post(DeliveryReceipts.PATH).header("Authorization", "Bearer " + TOKEN)
                .contentType(MediaType.APPLICATION_JSON).content("not json")).andExpect(status().isBadRequest());

        assertThat(row(delivered)).containsEntry("status", "DELIVERED");
        assertThat(row(bounced)).containsEntry("status", "PERMANENT_FAILURE").containsEntry("failure_reason", null);
        String page = adminPage();
        assertThat(page).contains("Delivered", "Not delivered",
                "The service sends these messages through GOV.UK Notify");
    }

    @Test
    void aReceiptThatComesBeforeTheSendIsRecordedIsKept() {
        long id = queue("quick." + UUID.randomUUID() + "@example.com");
        jdbc.sql("UPDATE notification_message SET status = 'SENDING', claim = 'c' WHERE id = ?").param(id).update();
        String notifyId = UUID.randomUUID().toString();
        Outbox outbox = new Outbox(jdbc, java.time.Clock.systemUTC(), audit);

        assertThat(outbox.receipt(notifyId, id, MessageStatus.DELIVERED)).isTrue();
        outbox.sent(new Outbox.Outgoing(id, "c", MessageTemplate.REFERRAL_RECEIVED, NewMessage.Channel.EMAIL, "x",
                Map.of(), 1, 1), notifyId);

        assertThat(row(id)).containsEntry("status", "DELIVERED").containsEntry("notify_id", notifyId);
    }

    private org.springframework.test.web.servlet.ResultActions receipt(String authorization, String notifyId,
            long reference, String status) throws Exception {
        String body = """
                {"id": "%s", "reference": "%d", "to": "someone@example.com", "status": "%s",
                 "created_at": "2026-12-06T17:00:00.000000Z", "completed_at": "2026-12-06T17:00:05.000000Z",
                 "sent_at": "2026-12-06T17:00:01.000000Z", "notification_type": "email",
                 "template_id": "%s", "template_version": 1}""".formatted(notifyId, reference, status,
                NotifyStandIn.EMAIL_TEMPLATE);
        var request = post(DeliveryReceipts.PATH).contentType(MediaType.APPLICATION_JSON).content(body);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return mvc.perform(request);
    }

    private long queue(String recipient) {
        return queue(recipient, MessageTemplate.REFERRAL_RECEIVED, Map.of("reference", "WH-TEST"),
                NewMessage.Channel.EMAIL);
    }

    private long queue(String recipient, MessageTemplate template, Map<String, String> fields,
            NewMessage.Channel channel) {
        String key = "test:" + UUID.randomUUID();
        new TransactionTemplate(transactions).executeWithoutResult(tx -> messages.queue(new NewMessage(key, template,
                channel, recipient, fields, data.buryLiveWell())));
        return jdbc.sql("SELECT id FROM notification_message WHERE event_key = ?").param(key).query(Long.class)
                .single();
    }

    private void sendDue() {
        worker.sendDue(() -> false);
    }

    /** Waits until the message is due again, then runs the worker. */
    private void sendWhenDue(long id) throws InterruptedException {
        Timestamp next = (Timestamp) row(id).get("next_attempt_at");
        if (next != null) {
            long wait = Duration.between(Instant.now(), next.toInstant()).toMillis();
            if (wait > 0) {
                Thread.sleep(wait + 20);
            }
        }
        sendDue();
    }

    private static Duration waitOf(Map<String, Object> row) {
        return Duration.between(((Timestamp) row.get("status_at")).toInstant(),
                ((Timestamp) row.get("next_attempt_at")).toInstant());
    }

    private Map<String, Object> row(long id) {
        return jdbc.sql("""
                SELECT status, attempts, notify_id, sent_at, failure_reason, next_attempt_at, status_at
                FROM notification_message WHERE id = ?""").param(id).query().singleRow();
    }

    private String adminPage() throws Exception {
        return Jsoup.parse(mvc.perform(get("/admin/messages").session(SignIn.as(mvc, SignIn.GM_ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).text();
    }
}
