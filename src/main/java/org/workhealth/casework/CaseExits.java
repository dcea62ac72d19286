package org.workhealth.casework;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;
import org.workhealth.milestone.MilestoneType;
import org.workhealth.organisation.CurrentUser;

/**
 * Closing a case when the person leaves support, and reopening it. Both are kept as case events and
 * milestones: the exit milestone stays when a case reopens, and the reopening is there for all to see.
 */
@Service
class CaseExits {

    record Event(String kind, LocalDate occurredOn, String reason, String detail, Instant recordedAt,
            String recordedBy) {
    }

    private final JdbcClient jdbc;
    private final CaseMilestones milestones;
    private final AuditLog audit;
    private final Clock clock;
    private final StaffNames staff;

    CaseExits(JdbcClient jdbc, CaseMilestones milestones, AuditLog audit, Clock clock, StaffNames staff) {
        this.staff = staff;
        this.jdbc = jdbc;
        this.milestones = milestones;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The attributes of exit and reopened milestones that hold what staff typed, erased with the case file; the
     * coded ones (the exit reason's code, in work at referral) stay for the figures.
     */
    static final Map<MilestoneType, java.util.Set<String>> TYPED_ATTRIBUTES = Map.of(
            MilestoneType.EXIT, java.util.Set.of("reason_text"), MilestoneType.REOPENED, java.util.Set.of("reason"));

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * Closes an open case and writes the exit milestone.
     *
     * @param otherText what the reason was, when it is {@link ExitReason#OTHER}
     * @return false when the case was not open (someone closed it first), and nothing changed
     */
    @Transactional
    boolean exit(CurrentUser user, SupportCase supportCase, ExitReason reason, String otherText, LocalDate exitedOn) {
        if (!changeStatus(supportCase.id(), CaseStatus.CLOSED)) {
            return false;
        }
        event(supportCase.id(), "EXITED", exitedOn, reason.name(), otherText, user.id());
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("reason", reason.name());
        if (otherText != null) {
            attributes.put("reason_text", otherText.strip());
        }
        attributes.put("in_work_at_referral", String.valueOf(CaseOutcomes.inWorkAtReferral(supportCase)));
        milestones.record(supportCase, MilestoneType.EXIT, exitedOn, attributes, user.id());
        audit.recordChange("EXIT", "case", supportCase.id(), supportCase.organisationId(),
                "Closed: " + reason.label() + (otherText == null ? "" : " (" + otherText + ")"));
        return true;
    }

    /**
     * Opens a closed case again. The exit milestone stays in the record; a reopened milestone says why.
     *
     * @return false when the case was not closed, and nothing changed
     */
    @Transactional
    boolean reopen(CurrentUser user, SupportCase supportCase, String reason) {
        if (!changeStatus(supportCase.id(), CaseStatus.OPEN)) {
            return false;
        }
        LocalDate today = today();
        event(supportCase.id(), "REOPENED", today, null, reason, user.id());
        milestones.record(supportCase, MilestoneType.REOPENED, today, Map.of("reason", reason.strip()), user.id());
        audit.recordChange("REOPEN", "case", supportCase.id(), supportCase.organisationId(), "Reopened: " + reason);
        return true;
    }

    List<Event> events(long caseId) {
        return staff.name(jdbc.sql("""
                SELECT e.kind, e.occurred_on, e.reason, e.detail, e.recorded_at, e.recorded_by
                FROM case_event e
                WHERE e.case_id = ? ORDER BY e.recorded_at DESC, e.id DESC
                """).param(caseId).query((rs, row) -> {
                    String kind = rs.getString("kind");
                    LocalDate occurredOn = rs.getDate("occurred_on").toLocalDate();
                    String reason = rs.getString("reason");
                    String detail = rs.getString("detail");
                    Instant recordedAt = rs.getTimestamp("recorded_at").toInstant();
                    return new Unnamed<>(rs.getObject("recorded_by", Long.class),
                            name -> new Event(kind, occurredOn, reason, detail, recordedAt, name));
                }).list());
    }

    /**
     * The status moves only from one that {@link CaseStatus} allows, checked in the update itself, so two people
     * closing at once close it once.
     */
    private boolean changeStatus(long caseId, CaseStatus to) {
        return jdbc.sql("""
                UPDATE support_case SET status = :to, version = version + 1 WHERE id = :id AND status IN (:from)
                """).param("to", to.name()).param("id", caseId)
                .param("from", CaseStatus.fromWhichToBecome(to).stream().map(Enum::name).toList()).update() == 1;
    }

    private void event(long caseId, String kind, LocalDate on, String reason, String detail, long by) {
        jdbc.sql("""
                INSERT INTO case_event (case_id, kind, occurred_on, reason, detail, recorded_at, recorded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """).params(caseId, kind, Date.valueOf(on), reason, detail, Timestamp.from(clock.instant()), by)
                .update();
    }
}
