package org.workhealth.referral;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.workhealth.referral.ReferralStatus.Move;

/**
 * Writes a referral's moves between statuses. Each is a conditional {@code UPDATE}: it changes the row only while
 * the referral is still in a status the move may start from (bound from {@link Move}), so when two people decide
 * at once the second finds nothing to change.
 */
@Component
class ReferralMoves {

    /** A decision was made on a referral, in the transaction that made it. */
    record ReferralDecided(long referralId, Move move) {
    }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    ReferralMoves(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** A move that records no decision (starting triage); false when the referral was not in a status it starts from. */
    boolean start(Move move, long referralId) {
        return jdbc.sql("UPDATE referral SET status = :to, version = version + 1 WHERE id = :id AND status IN (:from)")
                .param("to", move.to().name()).param("id", referralId).param("from", move.fromNames()).update() == 1;
    }

    /**
     * A decision: the move, the columns in {@code set} (named parameters from {@code values}) and who decided when.
     * @return false when the referral was not in a status the move starts from (nothing changes)
     */
    boolean make(Move move, long referralId, long actorId, Instant at, String set, Map<String, Object> values) {
        Map<String, Object> params = new HashMap<>(values);
        params.put("to", move.to().name());
        params.put("from", move.fromNames());
        params.put("at", Timestamp.from(at));
        params.put("by", actorId);
        params.put("id", referralId);
        boolean moved = jdbc.sql("UPDATE referral SET status = :to, " + set + ", decided_at = :at, decided_by = :by, "
                + "version = version + 1 WHERE id = :id AND status IN (:from)").params(params).update() == 1;
        if (moved) {
            events.publishEvent(new ReferralDecided(referralId, move));
        }
        return moved;
    }
}
