package org.workhealth.audit;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Finds audit entries within the organisations a searcher may see, newest first. */
@Service
class AuditSearch {

    static final int PAGE_SIZE = 50;
    /** Page numbers past this show the last page's worth of nothing, and keep the offset far from overflowing. */
    static final int MAX_PAGE = 100_000;
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final JdbcClient jdbc;

    AuditSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A page number from 1 to {@link #MAX_PAGE}, whatever was asked for. */
    static int pageNumber(int asked) {
        return Math.min(Math.max(1, asked), MAX_PAGE);
    }

    public List<AuditEntry> search(AuditQuery query, Collection<Long> organisationScope, int page) {
        StringBuilder sql = new StringBuilder("""
                SELECT id, occurred_at, actor_id, actor_email, action, record_type, record_id, organisation_id,
                       ip_address, detail
                FROM audit_event WHERE organisation_id IN (:scope)
                """);
        List<Object[]> params = new ArrayList<>();
        if (hasText(query.actor())) {
            sql.append(" AND LOWER(actor_email) LIKE :actor");
            params.add(new Object[] {"actor", "%" + query.actor().strip().toLowerCase() + "%"});
        }
        // A record is found by the entry that names it and by the list pages that showed it among others.
        if (hasText(query.recordType()) || hasText(query.recordId())) {
            String own = hasText(query.recordType()) && hasText(query.recordId())
                    ? "record_type = :recordType AND record_id = :recordId"
                    : hasText(query.recordType()) ? "record_type = :recordType" : "record_id = :recordId";
            sql.append(" AND ((").append(own).append(") OR EXISTS (SELECT 1 FROM audit_event_record r")
                    .append(" WHERE r.audit_event_id = audit_event.id AND ")
                    .append(own.replace("record_type", "r.record_type").replace("record_id", "r.record_id"))
                    .append("))");
        }
        if (hasText(query.recordType())) {
            params.add(new Object[] {"recordType", query.recordType().strip()});
        }
        if (hasText(query.recordId())) {
            params.add(new Object[] {"recordId", query.recordId().strip()});
        }
        if (query.from() != null) {
            sql.append(" AND occurred_at >= :from");
            params.add(new Object[] {"from", startOf(query.from())});
        }
        if (query.to() != null) {
            sql.append(" AND occurred_at < :to");
            params.add(new Object[] {"to", startOf(query.to().plusDays(1))});
        }
        sql.append(" ORDER BY occurred_at DESC, id DESC LIMIT :limit OFFSET :offset");
        JdbcClient.StatementSpec statement = jdbc.sql(sql.toString()).param("scope", organisationScope)
                .param("limit", PAGE_SIZE + 1).param("offset", (long) (pageNumber(page) - 1) * PAGE_SIZE);
        for (Object[] param : params) {
            statement = statement.param((String) param[0], param[1]);
        }
        return statement.query((rs, n) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
                (Long) rs.getObject("actor_id", Long.class), rs.getString("actor_email"), rs.getString("action"),
                rs.getString("record_type"), rs.getString("record_id"),
                (Long) rs.getObject("organisation_id", Long.class), rs.getString("ip_address"),
                rs.getString("detail"))).list();
    }

    private static Timestamp startOf(LocalDate date) {
        return Timestamp.from(date.atStartOfDay(LONDON).toInstant());
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
