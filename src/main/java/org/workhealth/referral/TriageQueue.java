package org.workhealth.referral;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The open referrals routed to a set of organisations, earliest due first. One query for the page
 * and one for the count, whatever the queue's size, both served by the index on
 * (routed_organisation_id, status, response_due_at); the organisations' names are one look-up.
 */
@Service
class TriageQueue {

    static final int PAGE_SIZE = 50;
    static final int COUNT_CAP = 10_000;

    /** What to show: organisations (already limited to the person's scope), statuses, overdue only, text. */
    record Filter(Set<Long> organisationIds, Set<ReferralStatus> statuses, boolean overdueOnly, String text) {
    }

    record Row(long id, String reference, String fullName, Instant receivedAt, Instant responseDueAt,
            ReferralStatus status, String organisationName) {
    }

    record Page(List<Row> rows, long total, int number) {

        /** More open referrals than were counted. */
        boolean moreThanCounted() {
            return total > COUNT_CAP;
        }

        int pages() {
            return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        }
    }

    private final JdbcClient jdbc;
    private final ReferralNames names;

    TriageQueue(JdbcClient jdbc, ReferralNames names) {
        this.jdbc = jdbc;
        this.names = names;
    }

    Page find(Filter filter, Instant now, int page) {
        if (filter.organisationIds().isEmpty()) {
            return new Page(List.of(), 0, 1);
        }
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, now, params);
        // Counted only up to a cap: past it the page says "more than", and counting a queue of 100,000
        // would cost more than showing it.
        params.put("cap", COUNT_CAP + 1);
        long total = jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM referral r WHERE " + where + " LIMIT :cap) capped")
                .params(params).query(Long.class).single();
        int number = (int) Math.min(Math.max(1, page), Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE));
        params.put("limit", PAGE_SIZE);
        params.put("offset", (number - 1) * PAGE_SIZE);
        Map<Long, String> organisations = names.organisations();
        List<Row> rows = jdbc.sql("""
                SELECT r.id, r.reference, r.first_name, r.last_name, r.received_at, r.response_due_at, r.status,
                       r.routed_organisation_id
                FROM referral r
                WHERE %s
                ORDER BY r.response_due_at, r.id
                LIMIT :limit OFFSET :offset
                """.formatted(where))
                .params(params)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("reference"),
                        rs.getString("first_name") + " " + rs.getString("last_name"),
                        ReferralDetails.instant(rs, "received_at"), ReferralDetails.instant(rs, "response_due_at"),
                        ReferralStatus.valueOf(rs.getString("status")),
                        organisations.get(rs.getLong("routed_organisation_id"))))
                .list();
        return new Page(rows, total, number);
    }

    private static String where(Filter filter, Instant now, Map<String, Object> params) {
        StringBuilder where = new StringBuilder("r.routed_organisation_id IN (:organisations) AND r.status IN (:statuses)");
        params.put("organisations", filter.organisationIds());
        Set<ReferralStatus> statuses = filter.statuses().isEmpty() ? ReferralStatus.OPEN : filter.statuses();
        params.put("statuses", statuses.stream().map(Enum::name).toList());
        if (filter.overdueOnly()) {
            where.append(" AND r.response_due_at < :now");
            params.put("now", Timestamp.from(now));
        }
        String text = filter.text() == null ? "" : filter.text().strip().replaceAll("\\s+", " ");
        if (!text.isEmpty()) {
            // A reference is typed with or without its hyphen; a name is any part of "first last".
            String compact = text.replace("-", "").toUpperCase(Locale.UK);
            String reference = compact.length() == 8 ? compact.substring(0, 4) + "-" + compact.substring(4) : compact;
            where.append(" AND (r.reference = :reference OR LOWER(r.first_name || ' ' || r.last_name) LIKE :name ESCAPE '!')");
            params.put("reference", reference);
            params.put("name", "%" + text.toLowerCase(Locale.UK).replace("!", "!!").replace("%", "!%").replace("_", "!_")
                    + "%");
        }
        return where.toString();
    }
}
