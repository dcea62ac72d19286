package org.workhealth.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Queues messages in the caller's transaction, once per event, and lists them for administrators. */
@Service
public class Messages {

    /**
     * A message as an administrator sees it: to whom, the words the template makes of it, and where it is (with when
     * it got there and, for a failure of the service's own sending, a reason code).
     */
    record KeptMessage(long id, String template, NewMessage.Channel channel, String recipient, String subject,
            String body, long organisationId, java.time.Instant createdAt, MessageStatus status,
            java.time.Instant statusAt, String failureReason) {
    }

    private static final TypeReference<LinkedHashMap<String, String>> FIELDS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.shared();
    private final NotifySettings settings;

    Messages(JdbcClient jdbc, Clock clock, NotifySettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * Queues a message as part of the transaction that records its cause, so that the message exists exactly when
     * the cause does. A second message for the same event key is not made. With a Notify key the message waits to
     * be sent, due at once; without one it is kept.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void queue(NewMessage message) {
        Timestamp now = Timestamp.from(clock.instant());
        boolean sending = settings.sending();
        jdbc.sql("""
                INSERT INTO notification_message (event_key, template, channel, recipient, personalisation,
                    organisation_id, status, created_at, status_at, next_attempt_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(message.eventKey(), message.template().name(), message.channel().name(), message.recipient(),
                        json.writeValueAsString(new LinkedHashMap<>(message.personalisation())),
                        message.organisationId(), (sending ? MessageStatus.PENDING : MessageStatus.KEPT).name(), now,
                        now, sending ? now : null)
                .update();
    }

    /** Deletes the messages these events caused, with what they said and to whom: for erasure. */
    public void forget(java.util.Collection<String> eventKeys) {
        if (!eventKeys.isEmpty()) {
            jdbc.sql("DELETE FROM notification_message WHERE event_key IN (:keys)").param("keys", eventKeys).update();
        }
    }

    /**
     * The messages these events caused, as stored, for a subject access export: one map a message, its fields in
     * column order (times as {@code Instant}).
     */
    public List<Map<String, Object>> heldFor(java.util.Collection<String> eventKeys) {
        if (eventKeys.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT id, template, channel, recipient, personalisation, status, created_at
                FROM notification_message WHERE event_key IN (:keys) ORDER BY id""").param("keys", eventKeys)
                .query((rs, n) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("id", rs.getLong("id"));
                    row.put("template", rs.getString("template"));
                    row.put("channel", rs.getString("channel"));
                    row.put("recipient", rs.getString("recipient"));
                    row.put("personalisation", rs.getString("personalisation"));
                    row.put("status", rs.getString("status"));
                    row.put("created_at", rs.getTimestamp("created_at").toInstant());
                    return row;
                }).list();
    }

    /** The newest messages of the organisations in scope, a page at a time. */
    List<KeptMessage> newest(Set<Long> scope, int offset, int limit) {
        if (scope.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT id, template, channel, recipient, personalisation, organisation_id, created_at, status,
                    status_at, failure_reason
                FROM notification_message WHERE organisation_id IN (:scope)
                ORDER BY created_at DESC, id DESC OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY""")
                .param("scope", scope).param("offset", offset).param("limit", limit)
                .query((rs, n) -> {
                    MessageTemplate template = MessageTemplate.valueOf(rs.getString("template"));
                    Map<String, String> fields = json.readValue(rs.getString("personalisation"), FIELDS);
                    return new KeptMessage(rs.getLong("id"), template.name(),
                            NewMessage.Channel.valueOf(rs.getString("channel")), rs.getString("recipient"),
                            template.subject(fields), template.body(fields), rs.getLong("organisation_id"),
                            rs.getTimestamp("created_at").toInstant(), MessageStatus.valueOf(rs.getString("status")),
                            rs.getTimestamp("status_at").toInstant(), rs.getString("failure_reason"));
                }).list();
    }

    int count(Set<Long> scope) {
        if (scope.isEmpty()) {
            return 0;
        }
        return jdbc.sql("SELECT COUNT(*) FROM notification_message WHERE organisation_id IN (:scope)")
                .param("scope", scope).query(Integer.class).single();
    }
}
