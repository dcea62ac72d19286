package org.workhealth.casework;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;
import org.workhealth.organisation.CurrentUser;

/** Legal holds on cases: while one is in force the case is not erased, by the schedule or on request. */
@Service
class LegalHolds {

    record Hold(long id, String reason, Instant setAt, String setBy, Instant liftedAt, String liftedBy,
            String liftReason) {

        boolean inForce() {
            return liftedAt == null;
        }
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final StaffNames staff;

    LegalHolds(JdbcClient jdbc, AuditLog audit, Clock clock, StaffNames staff) {
        this.staff = staff;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every hold on the case, newest first. */
    List<Hold> history(long caseId) {
        List<Hold> holds = jdbc.sql("""
                SELECT h.id, h.reason, h.set_at, h.set_by, h.lifted_at, h.lifted_by, h.lift_reason
                FROM case_legal_hold h
                WHERE h.case_id = ? ORDER BY h.set_at DESC, h.id DESC
                """).param(caseId).query((rs, row) -> new Hold(rs.getLong("id"), rs.getString("reason"),
                rs.getTimestamp("set_at").toInstant(), rs.getString("set_by"),
                rs.getTimestamp("lifted_at") == null ? null : rs.getTimestamp("lifted_at").toInstant(),
                rs.getString("lifted_by"), rs.getString("lift_reason"))).list();
        // Read as ids, then named in one look-up: the person table is the organisation module's.
        Map<Long, String> names = staff.byId(holds.stream()
                .flatMap(h -> Stream.of(h.setBy(), h.liftedBy())).filter(Objects::nonNull).map(Long::valueOf)
                .toList());
        return holds.stream().map(h -> new Hold(h.id(), h.reason(), h.setAt(), name(names, h.setBy()), h.liftedAt(),
                name(names, h.liftedBy()), h.liftReason())).toList();
    }

    private static String name(Map<Long, String> names, String personId) {
        return personId == null ? null : names.get(Long.valueOf(personId));
    }

    Optional<Hold> inForce(long caseId) {
        return history(caseId).stream().filter(Hold::inForce).findFirst();
    }

    /**
     * Sets a hold unless one is already in force; the insert checks that itself, so two people pressing at once
     * set one hold.
     *
     * @return false when a hold was already in force
     */
    @Transactional
    boolean set(CurrentUser user, SupportCase supportCase, String reason) {
        int inserted = jdbc.sql("""
                INSERT INTO case_legal_hold (case_id, reason, set_at, set_by)
                SELECT ?, ?, ?, ? FROM support_case c WHERE c.id = ? AND NOT EXISTS (
                    SELECT 1 FROM case_legal_hold h WHERE h.case_id = c.id AND h.lifted_at IS NULL)
                """).params(supportCase.id(), reason, Timestamp.from(clock.instant()), user.id(), supportCase.id())
                .update();
        if (inserted == 1) {
            audit.recordChange("LEGAL_HOLD", "case", supportCase.id(), supportCase.organisationId(),
                    "Legal hold set: " + reason);
        }
        return inserted == 1;
    }

    /** @return false when no hold was in force */
    @Transactional
    boolean lift(CurrentUser user, SupportCase supportCase, String reason) {
        int lifted = jdbc.sql("""
                UPDATE case_legal_hold SET lifted_at = ?, lifted_by = ?, lift_reason = ?
                WHERE case_id = ? AND lifted_at IS NULL
                """).params(Timestamp.from(clock.instant()), user.id(), reason, supportCase.id()).update();
        if (lifted > 0) {
            audit.recordChange("LEGAL_HOLD_LIFTED", "case", supportCase.id(), supportCase.organisationId(),
                    "Legal hold lifted: " + reason);
        }
        return lifted > 0;
    }
}
