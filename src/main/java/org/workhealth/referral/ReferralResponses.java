package org.workhealth.referral;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Whether referrals were responded to within 2 working days: the first contact attempt, decision or route by the
 * response due time. It reads the same milestones as the KPI: each referral with a current "referral received"
 * milestone of the programme, in the organisations and dates given (the day it was received), and its "referral
 * responded to" milestone, if any. Like {@link ReferralFunnel}, it reads the milestone table to reach the referral's
 * own columns (reference, due time); it hands back references and times, never names.
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
    private final Clock clock;

    ReferralResponses(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
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
        return jdbc.sql("""
                SELECT r.id, r.reference, m.organisation_id, m.occurred_on, r.received_at, r.response_due_at,
                       (SELECT MIN(e.occurred_at) FROM referral_event e
                        WHERE e.referral_id = r.id AND e.kind IN (:kinds)) AS responded_at,
                       (SELECT MIN(a.attributes) FROM milestone a
                        WHERE a.referral_id = r.id AND a.type = 'REFERRAL_RESPONDED'
                          AND NOT EXISTS (SELECT 1 FROM milestone s WHERE s.supersedes_id = a.id)) AS response
                FROM milestone m JOIN referral r ON r.id = m.referral_id
                WHERE m.type = 'REFERRAL_RECEIVED' AND m.programme_id = :programme
                  AND m.organisation_id IN (:organisations) AND m.occurred_on >= :from AND m.occurred_on <= :to
                  AND NOT EXISTS (SELECT 1 FROM milestone s WHERE s.supersedes_id = m.id)
                ORDER BY r.received_at, r.id
                """)
                .param("kinds", ReferralMilestones.RESPONSE_KINDS).param("programme", programmeId)
                .param("organisations", new ArrayList<>(organisationIds)).param("from", Date.valueOf(from))
                .param("to", Date.valueOf(to))
                .query((rs, n) -> {
                    Timestamp responded = rs.getTimestamp("responded_at");
                    String response = rs.getString("response");
                    Boolean onTime = response == null ? null : (";" + response + ";").contains(";on_time=true;");
                    return new Response(rs.getLong("id"), rs.getString("reference"), rs.getLong("organisation_id"),
                            rs.getDate("occurred_on").toLocalDate(), rs.getTimestamp("received_at").toInstant(),
                            rs.getTimestamp("response_due_at").toInstant(),
                            responded == null ? null : responded.toInstant(), onTime);
                }).list();
    }
}
