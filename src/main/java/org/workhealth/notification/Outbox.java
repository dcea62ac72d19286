package org.workhealth.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sending side of {@code notification_message}: claims due messages for a run, records what Notify answered, and
 * applies delivery receipts. Each statement is its own transaction, so what a send did is kept as soon as it is known.
 */
@Component
class Outbox {

    /** A claimed message, with what is needed to send it. */
    record Outgoing(long id, String claim, MessageTemplate template, NewMessage.Channel channel, String recipient,
            Map<String, String> personalisation, int attempts, long organisationId) {
    }

    private static final TypeReference<LinkedHashMap<String, String>> FIELDS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;
    private final JsonMapper json = JsonMapper.shared();

    Outbox(JdbcClient jdbc, Clock clock, AuditLog audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * Claims up to {@code limit} due messages, soonest first, for one run: they are marked SENDING under a new claim
     * until the lease ends, so no other run (on this node or another) takes them meanwhile. On PostgreSQL a second
     * claim at the same moment waits for the first's row locks and then finds the rows no longer due.
     */
    List<Outgoing> claim(int limit, java.time.Duration lease) {
        Instant now = clock.instant();
        String claim = UUID.randomUUID().toString();
        List<String> claimable = MessageStatus.names(MessageStatus.CLAIMABLE);
        int claimed = jdbc.sql("""
                UPDATE notification_message SET status = :sending, claim = :claim, attempts = attempts + 1,
                    next_attempt_at = :leaseEnds, status_at = :now
                WHERE id IN (SELECT id FROM notification_message
                        WHERE status IN (:claimable) AND next_attempt_at <= :now
                        ORDER BY next_attempt_at, id FETCH FIRST :limit ROWS ONLY)
                    AND status IN (:claimable) AND next_attempt_at <= :now""")
                .param("sending", MessageStatus.SENDING.name()).param("claim", claim)
                .param("leaseEnds", Timestamp.from(now.plus(lease))).param("now", Timestamp.from(now))
                .param("claimable", claimable).param("limit", limit).update();
        if (claimed == 0) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT id, template, channel, recipient, personalisation, attempts, organisation_id
                FROM notification_message
                WHERE claim = ? AND status = ? ORDER BY id""").params(claim, MessageStatus.SENDING.name())
                .query((rs, n) -> new Outgoing(rs.getLong("id"), claim, MessageTemplate.valueOf(rs.getString(
                        "template")), NewMessage.Channel.valueOf(rs.getString("channel")), rs.getString("recipient"),
                        json.readValue(rs.getString("personalisation"), FIELDS), rs.getInt("attempts"),
                        rs.getLong("organisation_id")))
                .list();
    }

    /**
     * Notify accepted the message. A delivery receipt that came first (Notify can be that quick) has already set its
     * status, which stays.
     */
    @Transactional
    void sent(Outgoing message, String notifyId) {
        Timestamp now = Timestamp.from(clock.instant());
        int recorded = jdbc.sql("""
                UPDATE notification_message SET
                    status = CASE WHEN status = :sending THEN :sent ELSE status END,
                    status_at = CASE WHEN status = :sending THEN :now ELSE status_at END,
                    notify_id = COALESCE(notify_id, :notifyId), sent_at = :now, claim = NULL, next_attempt_at = NULL,
                    failure_reason = NULL
                WHERE id = :id AND claim = :claim""")
                .param("sending", MessageStatus.SENDING.name()).param("sent", MessageStatus.SENT.name())
                .param("now", now).param("notifyId", notifyId).param("id", message.id())
                .param("claim", message.claim()).update();
        if (recorded == 1) {
            // A person's name and address left the service for Notify, its processor: a disclosure to log.
            audit.recordChange("SEND", "notification_message", message.id(), message.organisationId(),
                    "Sent by " + (message.channel() == NewMessage.Channel.SMS ? "text message" : "email")
                            + " through GOV.UK Notify");
        }
    }

    /** The send failed in a way that may pass (no answer, 429, 5xx): try again later, or give up after the last try. */
    void failedForNow(Outgoing message, String reason, int maxAttempts, java.time.Duration retryAfter) {
        Instant now = clock.instant();
        boolean last = message.attempts() >= maxAttempts;
        jdbc.sql("""
                UPDATE notification_message SET status = :status, next_attempt_at = :next, failure_reason = :reason,
                    claim = NULL, status_at = :now
                WHERE id = :id AND claim = :claim AND status = :sending""")
                .param("status", (last ? MessageStatus.TECHNICAL_FAILURE : MessageStatus.PENDING).name())
                .param("next", last ? null : Timestamp.from(now.plus(retryAfter))).param("reason", reason)
                .param("now", Timestamp.from(now)).param("id", message.id()).param("claim", message.claim())
                .param("sending", MessageStatus.SENDING.name()).update();
    }

    /** Notify refused the message (400, 403): sending it again would be refused again. */
    void refused(Outgoing message, String reason) {
        jdbc.sql("""
                UPDATE notification_message SET status = :status, next_attempt_at = NULL, failure_reason = :reason,
                    claim = NULL, status_at = :now
                WHERE id = :id AND claim = :claim AND status = :sending""")
                .param("status", MessageStatus.PERMANENT_FAILURE.name()).param("reason", reason)
                .param("now", Timestamp.from(clock.instant())).param("id", message.id())
                .param("claim", message.claim()).param("sending", MessageStatus.SENDING.name()).update();
    }

    /**
     * A delivery receipt: the message Notify knows by this id (or, when the receipt came before the send was
     * recorded, the one whose outbox id was sent as the reference) takes its status. Returns whether one did.
     */
    boolean receipt(String notifyId, Long reference, MessageStatus status) {
        Timestamp now = Timestamp.from(clock.instant());
        List<String> receipted = MessageStatus.names(MessageStatus.RECEIPTED);
        int changed = jdbc.sql("""
                UPDATE notification_message SET status = :status, status_at = :now
                WHERE notify_id = :notifyId AND status IN (:receipted)""")
                .param("status", status.name()).param("now", now).param("notifyId", notifyId)
                .param("receipted", receipted).update();
        if (changed == 0 && reference != null) {
            changed = jdbc.sql("""
                    UPDATE notification_message SET status = :status, status_at = :now, notify_id = :notifyId
                    WHERE id = :id AND notify_id IS NULL AND status IN (:receipted)
                        AND NOT EXISTS (SELECT 1 FROM notification_message m WHERE m.notify_id = :notifyId)""")
                    .param("status", status.name()).param("now", now).param("notifyId", notifyId)
                    .param("id", reference).param("receipted", receipted).update();
        }
        return changed > 0;
    }
}
