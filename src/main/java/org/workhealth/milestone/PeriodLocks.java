package org.workhealth.milestone;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;
import org.workhealth.milestone.internal.PeriodLock;
import org.workhealth.programme.Contract;
import org.workhealth.programme.Programmes;

/**
 * Locks on the milestone record. When the hub approves a quarterly return, the returns module locks the period for
 * the contracts it counted, so that the approved figures cannot drift: {@link Milestones} then refuses to record or
 * correct a milestone dated inside it. Only the hub lifts a lock, with a reason that goes to the audit log. A lock
 * is never deleted, so the record keeps every period that was ever locked and who unlocked it.
 */
@Service
public class PeriodLocks {

    /** A milestone date and contract to check against the live locks. */
    record Probe(Long contractId, LocalDate on) {
    }

    /** The first probe, in the order given, that a live lock covers. */
    record Covered(PeriodLock lock, int probe) {
    }

    static final int WHY_MAX = 500;
    static final int REASON_MAX = 1000;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final Programmes programmes;

    PeriodLocks(JdbcClient jdbc, AuditLog audit, Clock clock, Programmes programmes) {
        this.jdbc = jdbc;
        this.programmes = programmes;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Locks the period for these contracts; why is e.g. "WorkWell return for 2026/27 Q1 approved". Audited
     * (recordChange "LOCK"). Returns the lock id.
     *
     * @throws IllegalArgumentException when there are no contracts or one does not exist, the period ends before it
     *     starts, or why is blank or longer than 500 characters
     */
    @Transactional
    public long lock(Collection<Long> contractIds, LocalDate from, LocalDate to, String why, long lockedBy) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Set<Long> contracts = new LinkedHashSet<>(contractIds);
        contracts.remove(null);
        if (contracts.isEmpty()) {
            throw new IllegalArgumentException("A lock needs at least one contract");
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("A locked period cannot end (" + to + ") before it starts (" + from + ")");
        }
        String because = required(why, "why", WHY_MAX);
        List<Contract> locked = contracts(contracts);
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO milestone_lock (starts_on, ends_on, why, locked_at, locked_by)
                VALUES (?, ?, ?, ?, ?)
                """).params(Date.valueOf(from), Date.valueOf(to), because, Timestamp.from(clock.instant()), lockedBy)
                .update(key, "id");
        long id = key.getKeyAs(Long.class);
        // Only contracts the programme module knows (checked above, before anything is written).
        for (Contract contract : locked) {
            jdbc.sql("INSERT INTO milestone_lock_contract (lock_id, contract_id) VALUES (?, ?)")
                    .params(id, contract.id()).update();
        }
        auditForProviders(id, locked, "LOCK",
                describe(from, to) + " locked for contracts " + contracts + ": " + because);
        return id;
    }

    /**
     * Lifts a lock; the reason is required (non-blank) and goes to the audit log (recordChange "UNLOCK" with the
     * reason). Lifting a lifted lock does nothing.
     *
     * @throws IllegalArgumentException when the reason is blank or longer than 1,000 characters, or there is no
     *     such lock
     */
    @Transactional
    public void lift(long lockId, String reason, long liftedBy) {
        String because = required(reason, "reason", REASON_MAX);
        int lifted = jdbc.sql("""
                UPDATE milestone_lock SET lifted_at = ?, lifted_by = ?, lift_reason = ?
                WHERE id = ? AND lifted_at IS NULL
                """).params(Timestamp.from(clock.instant()), liftedBy, because, lockId).update();
        if (lifted == 0) {
            if (find(lockId).isEmpty()) {
                throw new IllegalArgumentException("No lock " + lockId);
            }
            return;
        }
        PeriodLock lock = find(lockId).orElseThrow();
        List<Long> contracts = jdbc.sql("SELECT contract_id FROM milestone_lock_contract WHERE lock_id = ?")
                .param(lockId).query(Long.class).list();
        auditForProviders(lockId, contracts(contracts), "UNLOCK",
                describe(lock.from(), lock.to()) + " unlocked: " + because);
    }

    /** The live lock covering a milestone on this day under this contract, if any (contractId may be null: then none). */
    public Optional<PeriodLock> covering(Long contractId, LocalDate on) {
        return firstCovering(List.of(new Probe(contractId, on))).map(Covered::lock);
    }

    /**
     * The first of the probes that a live lock covers, in one query on the contract index however many probes
     * there are: a correction checks both the milestone it corrects and itself. Probes without a contract are
     * never locked.
     */
    Optional<Covered> firstCovering(List<Probe> probes) {
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = new LinkedHashMap<>();
        Set<Long> contracts = new LinkedHashSet<>();
        for (int i = 0; i < probes.size(); i++) {
            Probe probe = probes.get(i);
            if (probe.contractId() == null) {
                continue;
            }
            where.append(where.isEmpty() ? "" : " OR ").append("(lc.contract_id = :c").append(i)
                    .append(" AND l.starts_on <= :d").append(i).append(" AND l.ends_on >= :d").append(i).append(')');
            params.put("c" + i, probe.contractId());
            params.put("d" + i, Date.valueOf(probe.on()));
            contracts.add(probe.contractId());
        }
        if (where.isEmpty()) {
            return Optional.empty();
        }
        // The IN list repeats what the ORs say so that the database starts from the contract index.
        params.put("contracts", new ArrayList<>(contracts));
        record Row(PeriodLock lock, long contractId) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT l.id, l.starts_on, l.ends_on, l.why, lc.contract_id
                FROM milestone_lock_contract lc JOIN milestone_lock l ON l.id = lc.lock_id
                WHERE lc.contract_id IN (:contracts) AND l.lifted_at IS NULL AND (""" + where
                        + ") ORDER BY l.starts_on, l.id")
                .params(params)
                .query((rs, n) -> new Row(new PeriodLock(rs.getLong("id"), rs.getDate("starts_on").toLocalDate(),
                        rs.getDate("ends_on").toLocalDate(), rs.getString("why")), rs.getLong("contract_id")))
                .list();
        for (int i = 0; i < probes.size(); i++) {
            Probe probe = probes.get(i);
            for (Row row : rows) {
                if (probe.contractId() != null && row.contractId() == probe.contractId()
                        && !probe.on().isBefore(row.lock().from()) && !probe.on().isAfter(row.lock().to())) {
                    return Optional.of(new Covered(row.lock(), i));
                }
            }
        }
        return Optional.empty();
    }

    private Optional<PeriodLock> find(long lockId) {
        return jdbc.sql("SELECT id, starts_on, ends_on, why FROM milestone_lock WHERE id = ?").param(lockId)
                .query((rs, n) -> new PeriodLock(rs.getLong("id"), rs.getDate("starts_on").toLocalDate(),
                        rs.getDate("ends_on").toLocalDate(), rs.getString("why"))).optional();
    }

    /**
     * One audit entry for each provider delivering a locked contract, so that the lock shows in the audit search of
     * every organisation whose record it freezes (and of the hubs above them).
     */
    private void auditForProviders(long lockId, List<Contract> contracts, String action, String detail) {
        contracts.stream().map(Contract::providerOrganisationId).distinct().sorted()
                .forEach(provider -> audit.recordChange(action, "milestone_lock", lockId, provider, detail));
    }

    /**
     * The contracts, from the programme module that owns them in one query, in the order given.
     *
     * @throws IllegalArgumentException when one of them does not exist
     */
    private List<Contract> contracts(Collection<Long> ids) {
        Map<Long, Contract> byId = new LinkedHashMap<>();
        programmes.findContracts(new LinkedHashSet<>(ids)).forEach(contract -> byId.put(contract.id(), contract));
        List<Contract> found = new ArrayList<>();
        for (Long id : ids) {
            Contract contract = byId.get(id);
            if (contract == null) {
                throw new IllegalArgumentException("No such contract among " + ids);
            }
            found.add(contract);
        }
        return found;
    }

    private static String describe(LocalDate from, LocalDate to) {
        return from + " to " + to;
    }

    private static String required(String text, String name, int max) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("A " + name + " is required");
        }
        String stripped = text.strip();
        if (stripped.length() > max) {
            throw new IllegalArgumentException("The " + name + " must be " + max + " characters or fewer");
        }
        return stripped;
    }
}
