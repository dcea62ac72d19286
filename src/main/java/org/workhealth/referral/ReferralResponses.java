package org.workhealth.referral;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.workhealth.milestone.Milestone;
import org.workhealth.milestone.MilestoneFilter;
import org.workhealth.milestone.MilestoneType;
import org.workhealth.milestone.Milestones;
import org.workhealth.referral.internal.ReferralMilestones;

/**
 * Whether referrals were responded to within 2 working days: the first contact attempt, decision or route by the
 * response due time. It reads the same milestones as the KPI: each referral with a current "referral received"
 * milestone of the programme, in the organisations and dates given (the day it was received), and its "referral
 * responded to" milestone, if any, both from the milestone module; then the referrals' own columns (reference, due
 * time) here. It hands back references and times, never names.
 */
@Service
public class ReferralResponses {

    /** One referral's response. {@code respondedAt} is null while there has been none. */
    public record Response(long referralId, String reference, long organisationId, LocalDate receivedOn,
            Instant receivedAt, Instant dueAt, Instant respondedAt, Boolean onTime) {

        /** Responded after the due time, or not yet and the due time has passed. */
        public boolean late(Instant now) {
            return onTime == null ? dueAt.isBefore(now) : !onTime;
        }
    }

    private final JdbcClient jdbc;
    private final Milestones milestones;
    private final Clock clock;

    ReferralResponses(JdbcClient jdbc, Milestones milestones, Clock clock) {
        this.jdbc = jdbc;
        this.milestones = milestones;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    /** Every referral received by the programme in the organisations between the dates, oldest first. */
    public List<Response> responses(long programmeId, Set<Long> organisationIds, LocalDate from, LocalDate to) {
        if (organisationIds.isEmpty()) {
            return List.of();
        }
        List<Milestone> received = milestones.current(new MilestoneFilter(null, null, programmeId, null,
                organisationIds, MilestoneType.REFERRAL_RECEIVED, from, to));
        List<Long> ids = received.stream().map(Milestone::referralId).distinct().toList();
        Map<Long, Boolean> onTime = new HashMap<>();
        for (Milestone response : milestones.current(MilestoneType.REFERRAL_RESPONDED, ids)) {
            onTime.putIfAbsent(response.referralId(), "true".equals(response.attribute("on_time")));
        }
        Map<Long, Times> times = times(ids);
        return received.stream().filter(m -> times.containsKey(m.referralId())).map(m -> {
            Times t = times.get(m.referralId());
            return new Response(m.referralId(), t.reference(), m.organisationId(), m.occurredOn(), t.receivedAt(),
                    t.dueAt(), t.respondedAt(), onTime.get(m.referralId()));
        }).sorted(Comparator.comparing(Response::receivedAt).thenComparing(Response::referralId)).toList();
    }

    private record Times(String reference, Instant receivedAt, Instant dueAt, Instant respondedAt) {
    }

    /** The referrals' own times, one query per 500 referrals. */
    private Map<Long, Times> times(List<Long> ids) {
        Map<Long, Times> found = new HashMap<>();
        for (int from = 0; from < ids.size(); from += 500) {
            jdbc.sql("""
                    SELECT r.id, r.reference, r.received_at, r.response_due_at,
                           (SELECT MIN(e.occurred_at) FROM referral_event e
                            WHERE e.referral_id = r.id AND e.kind IN (:kinds)) AS responded_at
                    FROM referral r WHERE r.id IN (:ids)
                    """).param("kinds", ReferralMilestones.RESPONSE_KINDS)
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + 500)))
                    .query((RowCallbackHandler) rs -> {
                        Timestamp responded = rs.getTimestamp("responded_at");
                        found.put(rs.getLong("id"), new Times(rs.getString("reference"),
                                rs.getTimestamp("received_at").toInstant(),
                                rs.getTimestamp("response_due_at").toInstant(),
                                responded == null ? null : responded.toInstant()));
                    });
        }
        return found;
    }
}
