package org.workhealth.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;
import org.workhealth.organisation.CurrentUser;

/** The retention schedule, kept as data in {@code retention_period}. */
@Service
class RetentionSchedule {

    static final List<ChronoUnit> UNITS = List.of(ChronoUnit.DAYS, ChronoUnit.MONTHS, ChronoUnit.YEARS);

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    RetentionSchedule(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    List<RetentionPeriod> periods() {
        return jdbc.sql("""
                SELECT r.kind, r.period_value, r.period_unit, r.basis, r.updated_at, p.full_name
                FROM retention_period r LEFT JOIN person p ON p.id = r.updated_by
                """).query((rs, row) -> new RetentionPeriod(RetentionKind.valueOf(rs.getString("kind")),
                rs.getInt("period_value"), ChronoUnit.valueOf(rs.getString("period_unit")), rs.getString("basis"),
                rs.getTimestamp("updated_at") == null ? null : rs.getTimestamp("updated_at").toInstant(),
                rs.getString("full_name"))).list().stream()
                .sorted(java.util.Comparator.comparing(RetentionPeriod::kind)).toList();
    }

    RetentionPeriod period(RetentionKind kind) {
        return periods().stream().filter(p -> p.kind() == kind).findFirst()
                .orElseThrow(() -> new IllegalStateException("No retention period for " + kind));
    }

    /** Only national administrators call this; the controller checks. */
    @Transactional
    void change(CurrentUser user, RetentionKind kind, int value, ChronoUnit unit) {
        RetentionPeriod before = period(kind);
        jdbc.sql("""
                UPDATE retention_period SET period_value = ?, period_unit = ?, updated_at = ?, updated_by = ?
                WHERE kind = ?
                """).params(value, unit.name(), Timestamp.from(clock.instant()), user.id(), kind.name()).update();
        RetentionPeriod after = new RetentionPeriod(kind, value, unit, before.basis(), null, null);
        audit.recordChange("UPDATE", "retention-period", kind.name(), user.organisationId(),
                "From " + before.text() + " to " + after.text());
    }
}
