package org.workhealth.trial.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.trial.Trial;

/**
 * Drop-outs of any unit type (participants and employers alike): recorded once per allocation, never changed. The
 * caller checks the person may act on the trial's allocations; this checks the allocation is the trial's and the
 * date is possible. Read set-based, a trial at a time.
 */
@Service
public class DropOuts {

    /** Why a drop-out was not recorded, for the page to show next to the date. */
    public static class NotRecordedException extends RuntimeException {
        public NotRecordedException(String message) {
            super(message);
        }
    }

    private final JdbcClient jdbc;
    private final TrialRepository trials;
    private final AuditLog audit;
    private final Clock clock;

    DropOuts(JdbcClient jdbc, TrialRepository trials, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.trials = trials;
        this.audit = audit;
        this.clock = clock;
    }

    /** The trial's allocation with this id; any other id is "not found" (a URL edited to another trial's). */
    public Allocation allocation(Trial trial, long allocationId) {
        return trials.allocation(allocationId).filter(a -> a.trialId() == trial.id())
                .orElseThrow(OutOfScopeException::new);
    }

    public Optional<DropOut> of(long allocationId) {
        return jdbc.sql("SELECT * FROM trial_drop_out WHERE allocation_id = ?").param(allocationId)
                .query(DropOuts::row).optional();
    }

    /** Every drop-out in the trial, by allocation id, in one query. */
    public Map<Long, DropOut> forTrial(long trialId) {
        return jdbc.sql("""
                SELECT d.* FROM trial_drop_out d JOIN trial_allocation a ON a.id = d.allocation_id
                WHERE a.trial_id = ?""").param(trialId).query(DropOuts::row).list().stream()
                .collect(Collectors.toMap(DropOut::allocationId, Function.identity()));
    }

    /**
     * @throws NotRecordedException when the date is before the allocation or in the future, or a drop-out is
     *                              already recorded
     */
    @Transactional
    public DropOut record(CurrentUser actor, Trial trial, long allocationId, LocalDate droppedOn,
            DropOutReason reason, String detail) {
        Allocation allocation = allocation(trial, allocationId);
        LocalDate allocatedOn = LocalDate.ofInstant(allocation.allocatedAt(), clock.getZone());
        if (droppedOn.isBefore(allocatedOn)) {
            throw new NotRecordedException("Date stopped must be on or after the date of randomisation");
        }
        if (droppedOn.isAfter(LocalDate.now(clock))) {
            throw new NotRecordedException("Date stopped must be today or in the past");
        }
        if (detail != null && detail.length() > DropOut.DETAIL_MAX) {
            throw new NotRecordedException("Details must be " + DropOut.DETAIL_MAX + " characters or fewer");
        }
        try {
            jdbc.sql("""
                    INSERT INTO trial_drop_out (allocation_id, dropped_on, reason, detail, recorded_by, recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(allocationId, droppedOn, reason.name(), detail, actor.id(), Timestamp.from(clock.instant()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new NotRecordedException("A drop-out is already recorded for this allocation");
        }
        audit.recordChange("DROP_OUT", "trial_allocation", allocationId, trial.ownerOrganisationId(),
                trial.code() + ": " + reason.name() + " on " + droppedOn);
        return of(allocationId).orElseThrow();
    }

    private static DropOut row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new DropOut(rs.getLong("allocation_id"), rs.getObject("dropped_on", LocalDate.class),
                DropOutReason.valueOf(rs.getString("reason")), rs.getString("detail"), rs.getLong("recorded_by"),
                rs.getTimestamp("recorded_at").toInstant());
    }
}
