package org.workhealth.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.People;

/** The retention schedule, kept as data in {@code retention_period}. */
@Service
class RetentionSchedule {

    static final List<ChronoUnit> UNITS = List.of(ChronoUnit.DAYS, ChronoUnit.MONTHS, ChronoUnit.YEARS);

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final People people;

    RetentionSchedule(JdbcClient jdbc, AuditLog audit, Clock clock, People people) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.people = people;
    }

    /** The periods, with the names of who last changed them asked of the organisation module in one call. */
    List<RetentionPeriod> periods() {
        record Row(RetentionPeriod period, Long updatedBy) {
        }
        List<Row> rows = jdbc.sql("SELECT kind, period_value, period_unit, basis, updated_at, updated_by "
                        + "FROM retention_period")
                .query((rs, row) -> new Row(new RetentionPeriod(RetentionKind.valueOf(rs.getString("kind")),
                        rs.getInt("period_value"), ChronoUnit.valueOf(rs.getString("period_unit")),
                        rs.getString("basis"),
                        rs.getTimestamp("updated_at") == null ? null : rs.getTimestamp("updated_at").toInstant(),
                        null), rs.getObject("updated_by", Long.class))).list();
        Map<Long, String> names = new HashMap<>();
        people.findAll(rows.stream().map(Row::updatedBy).filter(Objects::nonNull).distinct().toList())
                .forEach(p -> names.put(p.id(), p.fullName()));
        return rows.stream().map(r -> new RetentionPeriod(r.period().kind(), r.period().value(), r.period().unit(),
                        r.period().basis(), r.period().updatedAt(), names.get(r.updatedBy())))
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
