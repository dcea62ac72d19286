package org.workhealth.referral;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A referral's timeline: what happened to it, when and by whom, newest first. */
@Component
class ReferralTimeline {

    record Entry(Instant occurredAt, String kind, String detail, String actorName) {
    }

    private record Row(Instant occurredAt, String kind, String detail, Long actorId) {
    }

    private final JdbcClient jdbc;
    private final ReferralNames names;

    ReferralTimeline(JdbcClient jdbc, ReferralNames names) {
        this.jdbc = jdbc;
        this.names = names;
    }

    List<Entry> of(long referralId) {
        List<Row> rows = jdbc.sql("""
                SELECT occurred_at, kind, detail, actor_id FROM referral_event
                WHERE referral_id = ?
                ORDER BY occurred_at DESC, id DESC
                """).param(referralId)
                .query((rs, n) -> {
                    long actor = rs.getLong("actor_id");
                    return new Row(ReferralDetails.instant(rs, "occurred_at"), rs.getString("kind"),
                            rs.getString("detail"), rs.wasNull() ? null : actor);
                })
                .list();
        Map<Long, String> actors = names.people(rows.stream().map(Row::actorId).toList());
        return rows.stream().map(r -> new Entry(r.occurredAt(), r.kind(), r.detail(),
                r.actorId() == null ? null : actors.get(r.actorId()))).toList();
    }

    void record(long referralId, long actorId, String kind, String detail, Instant at) {
        jdbc.sql("INSERT INTO referral_event (referral_id, occurred_at, actor_id, kind, detail) VALUES (?, ?, ?, ?, ?)")
                .params(referralId, Timestamp.from(at), actorId, kind, detail).update();
    }
}
