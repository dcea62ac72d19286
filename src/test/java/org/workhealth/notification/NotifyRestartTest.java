package org.workhealth.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.workhealth.WorkHealthApplication;

/**
 * Messages waiting when the service stops are sent once the service starts again, each once; one a node claimed and
 * never finished (it died) is sent after its lease lapses. Two real starts of the service, with the scheduler on,
 * against one Notify stand-in that answers slowly enough to stop the first part way.
 */
class NotifyRestartTest {

    @Test
    void messagesWaitingWhenTheServiceStopsAreSentOnceEachAfterItStartsAgain() throws Exception {
        NotifyStandIn notify = new NotifyStandIn().start();
        notify.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/v2/notifications/email"))
                .atPriority(5).willReturn(NotifyStandIn.accepted().withFixedDelay(250)));
        List<Long> ids = new ArrayList<>();
        try {
            try (ConfigurableApplicationContext first = start(notify, "--workhealth.notify.senders=1",
                    "--workhealth.notify.batch-size=2")) {
                JdbcClient jdbc = first.getBean(JdbcClient.class);
                Messages messages = first.getBean(Messages.class);
                long organisation = jdbc.sql("SELECT id FROM organisation WHERE name = 'Bury Council Live Well service'")
                        .query(Long.class).single();
                new TransactionTemplate(first.getBean(PlatformTransactionManager.class)).executeWithoutResult(tx -> {
                    for (int i = 0; i < 16; i++) {
                        String key = "restart-test:" + UUID.randomUUID();
                        messages.queue(new NewMessage(key, MessageTemplate.REFERRAL_RECEIVED,
                                NewMessage.Channel.EMAIL, "restart" + i + "@example.com",
                                Map.of("reference", "WH-R" + i), organisation));
                        ids.add(jdbc.sql("SELECT id FROM notification_message WHERE event_key = ?").param(key)
                                .query(Long.class).single());
                    }
                });
                for (int i = 0; i < 600 && count(jdbc, ids, "SENT") < 3; i++) {
                    Thread.sleep(50);
                }
            }
            // Stopped part way: some sent, the rest waiting, none left claimed by the node that stopped.
            Map<String, Integer> stopped = statuses(ids);
            assertThat(stopped.getOrDefault("SENT", 0)).isBetween(3, 15);
            assertThat(stopped.getOrDefault("PENDING", 0)).isPositive();
            assertThat(stopped).doesNotContainKey("SENDING");

            // A node died holding this one: its claim lapsed a second ago.
            long orphan = ids.get(ids.size() - 1);
            try (Connection connection = database()) {
                int claimed = connection.createStatement().executeUpdate("UPDATE notification_message SET status = 'SENDING', "
                        + "claim = 'a-node-that-died', next_attempt_at = CURRENT_TIMESTAMP - INTERVAL '1' SECOND "
                        + "WHERE id = " + orphan + " AND status = 'PENDING'");
                assertThat(claimed).as("the last message was still waiting").isOne();
            }

            try (ConfigurableApplicationContext second = start(notify)) {
                JdbcClient jdbc = second.getBean(JdbcClient.class);
                for (int i = 0; i < 1200 && count(jdbc, ids, "SENT") < ids.size(); i++) {
                    Thread.sleep(50);
                }
                assertThat(count(jdbc, ids, "SENT")).isEqualTo(ids.size());
            }
            for (long id : ids) {
                assertThat(notify.requestsFor(id)).as("requests for message " + id).hasSize(1);
            }
        } finally {
            notify.stop();
        }
    }

    private static ConfigurableApplicationContext start(NotifyStandIn notify, String... more) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--management.server.port=",
                "--spring.main.banner-mode=off", "--workhealth.notify.api-key=" + NotifyStandIn.API_KEY,
                "--workhealth.notify.base-url=" + notify.baseUrl(),
                "--workhealth.notify.email-template=" + NotifyStandIn.EMAIL_TEMPLATE,
                "--workhealth.notify.poll-every=1s", "--db-scheduler.polling-interval=1s"));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(WorkHealthApplication.class).run(args.toArray(String[]::new));
    }

    private static int count(JdbcClient jdbc, List<Long> ids, String status) {
        return jdbc.sql("SELECT COUNT(*) FROM notification_message WHERE id IN (:ids) AND status = :status")
                .param("ids", ids).param("status", status).query(Integer.class).single();
    }

    private static Map<String, Integer> statuses(List<Long> ids) throws Exception {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        try (Connection connection = database();
                var statement = connection.prepareStatement("SELECT status FROM notification_message WHERE id = ?")) {
            for (long id : ids) {
                statement.setLong(1, id);
                try (var rs = statement.executeQuery()) {
                    rs.next();
                    counts.merge(rs.getString(1), 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    private static Connection database() throws Exception {
        return DriverManager.getConnection(System.getProperty("spring.datasource.url"),
                System.getProperty("spring.datasource.username"), System.getProperty("spring.datasource.password"));
    }
}
