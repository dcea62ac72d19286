package org.workhealth.milestone;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;
import org.workhealth.milestone.internal.AttributeRows;
import org.workhealth.milestone.internal.DayCounts;
import org.workhealth.milestone.internal.MilestoneCounts;
import org.workhealth.milestone.internal.MilestoneReads;
import org.workhealth.milestone.internal.MilestoneWriter;

/**
 * The append-only milestone record from which performance, funding and returns all count. A
 * milestone is never changed or removed: a correction is a new milestone that supersedes it, and
 * queries see only the current ones. This class (with its internals) is the only code that writes {@code milestone}
 * and its attribute rows, and it only inserts, save one exception: when a case's personal data is erased, the free
 * text staff typed on its milestones is erased with it ({@link #eraseFreeText}); it also keeps
 * {@code milestone_first}, each case's first current milestone of a type, from which "first per case" counts are
 * read, and {@code milestone_day_count} and {@code milestone_month_count}, the current and first milestones of each
 * contract, type and day or month, from which counts by contract are added up. Nothing is recorded or corrected in
 * a period a {@link PeriodLocks} lock covers.
 */
@Service
public class Milestones {

    /** Thrown when asked to correct a milestone that does not exist or has already been corrected. */
    public static class NotCurrentException extends RuntimeException {
        NotCurrentException(String message) {
            super(message);
        }
    }

    /** The longest reason a correction or withdrawal may give: the column's length. */
    public static final int REASON_MAX = 500;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final PeriodLocks locks;
    private final MilestoneWriter writer;
    private final MilestoneReads reads;
    private final MilestoneCounts counts;
    private final AttributeRows attributes;
    private final DayCounts dayCounts;

    Milestones(JdbcClient jdbc, AuditLog audit, PeriodLocks locks, MilestoneWriter writer, MilestoneReads reads,
            MilestoneCounts counts, AttributeRows attributes, DayCounts dayCounts) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.locks = locks;
        this.writer = writer;
        this.reads = reads;
        this.counts = counts;
        this.attributes = attributes;
        this.dayCounts = dayCounts;
    }

    /**
     * Records a milestone and returns its id.
     *
     * @throws PeriodLockedException when a live lock covers its contract and date
     */
    @Transactional
    public long record(NewMilestone milestone) {
        checkQuantity(milestone);
        locks.firstCovering(List.of(new PeriodLocks.Probe(milestone.contractId(), milestone.occurredOn())))
                .ifPresent(covered -> {
                    throw new PeriodLockedException(covered.lock(), milestone.occurredOn(), false);
                });
        long id = writer.insert(milestone, null, false, null);
        DayCounts.Changes changes = new DayCounts.Changes().current(milestone.contractId(), milestone.type(),
                milestone.occurredOn(), milestone.caseId() != null, 1);
        writer.refreshFirst(milestone.caseId(), milestone.type(), changes);
        dayCounts.apply(changes);
        audit.recordChange("CREATE", "milestone", id, milestone.organisationId(), milestone.type().name());
        return id;
    }

    /**
     * Records milestones that belong to no case (a bulk file's "referral received" ones) in one batch: one query
     * for the locks of all of them, one batched insert and one audit entry per organisation, rather than a round
     * trip per milestone.
     *
     * @throws PeriodLockedException when a live lock covers any of them (then none is recorded)
     * @throws IllegalArgumentException when one belongs to a case (a case's first milestones need keeping)
     */
    @Transactional
    public void recordAll(List<NewMilestone> batch) {
        if (batch.isEmpty()) {
            return;
        }
        if (batch.stream().anyMatch(m -> m.caseId() != null)) {
            throw new IllegalArgumentException("recordAll takes milestones without a case");
        }
        batch.forEach(Milestones::checkQuantity);
        List<PeriodLocks.Probe> probes = batch.stream().map(m -> new PeriodLocks.Probe(m.contractId(), m.occurredOn()))
                .distinct().toList();
        locks.firstCovering(probes).ifPresent(covered -> {
            throw new PeriodLockedException(covered.lock(), probes.get(covered.probe()).on(), false);
        });
        writer.insertAll(batch);
        DayCounts.Changes changes = new DayCounts.Changes();
        batch.forEach(m -> changes.current(m.contractId(), m.type(), m.occurredOn(), false, 1));
        dayCounts.apply(changes);
        batch.stream().collect(Collectors.groupingBy(NewMilestone::organisationId, TreeMap::new,
                Collectors.counting()))
                .forEach((organisation, count) -> audit.recordChange("CREATE", "milestone", null, organisation,
                        count + " " + batch.get(0).type().name()));
    }

    /**
     * Records {@code correction} in place of milestone {@code id}, which stays in the record but is
     * no longer current. Only a current milestone can be corrected.
     *
     * @return the id of the correction
     * @throws NotCurrentException when {@code id} does not exist or has already been superseded
     * @throws PeriodLockedException when a live lock covers the milestone corrected or the correction: a locked
     *     period's figures may neither lose a milestone nor gain one
     */
    @Transactional
    public long supersede(long id, NewMilestone correction) {
        return supersede(id, correction, null);
    }

    /**
     * As {@link #supersede(long, NewMilestone)}, keeping why the milestone was corrected.
     *
     * @param reason why, up to {@link #REASON_MAX} characters, or null
     */
    @Transactional
    public long supersede(long id, NewMilestone correction, String reason) {
        checkQuantity(correction);
        Milestone original = find(id).orElseThrow(() -> new NotCurrentException("No milestone " + id));
        if (!isCurrent(id)) {
            throw new NotCurrentException("Milestone " + id + " has already been superseded");
        }
        locks.firstCovering(List.of(new PeriodLocks.Probe(original.contractId(), original.occurredOn()),
                new PeriodLocks.Probe(correction.contractId(), correction.occurredOn())))
                .ifPresent(covered -> {
                    boolean ofOriginal = covered.probe() == 0;
                    throw new PeriodLockedException(covered.lock(),
                            ofOriginal ? original.occurredOn() : correction.occurredOn(), ofOriginal);
                });
        long correctionId;
        try {
            correctionId = writer.insert(correction, id, false, reason);
        } catch (DuplicateKeyException e) {
            // Someone else corrected it at the same moment: the unique supersedes_id keeps one chain.
            throw new NotCurrentException("Milestone " + id + " has already been superseded");
        }
        DayCounts.Changes changes = new DayCounts.Changes()
                .current(original.contractId(), original.type(), original.occurredOn(), original.caseId() != null, -1)
                .current(correction.contractId(), correction.type(), correction.occurredOn(),
                        correction.caseId() != null, 1);
        writer.refreshFirst(original.caseId(), original.type(), changes);
        if (correction.caseId() != null
                && (!correction.caseId().equals(original.caseId()) || correction.type() != original.type())) {
            writer.refreshFirst(correction.caseId(), correction.type(), changes);
        }
        dayCounts.apply(changes);
        audit.recordChange("SUPERSEDE", "milestone", correctionId, correction.organisationId(),
                original.type().name() + " " + id + " superseded by " + correctionId
                        + (reason == null ? "" : ": " + reason));
        return correctionId;
    }

    /**
     * Withdraws milestone {@code id}, recorded in error: a row that supersedes it and is never current, so no
     * figure counts it any more and the record keeps it, with who withdrew it, when and why.
     *
     * @return the id of the withdrawal
     * @throws NotCurrentException when {@code id} does not exist or is no longer current
     * @throws PeriodLockedException when a live lock covers the milestone's period
     */
    @Transactional
    public long withdraw(long id, String reason, Long withdrawnBy) {
        Milestone original = find(id).orElseThrow(() -> new NotCurrentException("No milestone " + id));
        if (!isCurrent(id)) {
            throw new NotCurrentException("Milestone " + id + " has already been superseded");
        }
        locks.firstCovering(List.of(new PeriodLocks.Probe(original.contractId(), original.occurredOn())))
                .ifPresent(covered -> {
                    throw new PeriodLockedException(covered.lock(), original.occurredOn(), true);
                });
        long withdrawalId;
        try {
            withdrawalId = writer.insert(new NewMilestone(original.type(), original.caseId(), original.referralId(),
                    original.programmeId(), original.contractId(), original.organisationId(), original.occurredOn(),
                    original.attributes(), withdrawnBy), id, true, reason);
        } catch (DuplicateKeyException e) {
            throw new NotCurrentException("Milestone " + id + " has already been superseded");
        }
        DayCounts.Changes changes = new DayCounts.Changes().current(original.contractId(), original.type(),
                original.occurredOn(), original.caseId() != null, -1);
        writer.refreshFirst(original.caseId(), original.type(), changes);
        dayCounts.apply(changes);
        audit.recordChange("WITHDRAW", "milestone", id, original.organisationId(),
                original.type().name() + " " + id + " withdrawn: " + reason);
        return withdrawalId;
    }

    /**
     * Erases the free text staff typed on the milestones of these cases, as their case files are erased: the named
     * attributes of each type go (a reason typed for an exit or a reopening), and so do correction and withdrawal
     * reasons. The rows, their types, dates and coded attributes stay, so figures, returns and claims still count
     * them. Not refused by a period lock: erasure changes nothing a figure reads.
     *
     * @param freeText the attributes of each type that hold typed text, as the module that records them knows
     * @return how many updates were made
     */
    @Transactional
    public int eraseFreeText(Collection<Long> caseIds, Map<MilestoneType, Set<String>> freeText) {
        if (caseIds.isEmpty()) {
            return 0;
        }
        int changed = jdbc.sql("UPDATE milestone SET correction_reason = NULL WHERE case_id IN (:ids) "
                + "AND correction_reason IS NOT NULL").param("ids", caseIds).update();
        for (Map.Entry<MilestoneType, Set<String>> type : freeText.entrySet()) {
            List<Long> ids = jdbc.sql("SELECT id FROM milestone WHERE case_id IN (:ids) AND type = :type")
                    .param("ids", caseIds).param("type", type.getKey().name()).query(Long.class).list();
            changed += attributes.remove(ids, type.getValue()).size();
        }
        return changed;
    }

    /** Every milestone of a case, current or not, corrections and withdrawals included, in the order recorded. */
    public List<Milestone> history(long caseId) {
        return reads.history(caseId);
    }

    public Optional<Milestone> find(long id) {
        return reads.find(id);
    }

    public boolean isCurrent(long id) {
        return reads.isCurrent(id);
    }

    /** Which of these referrals have a current milestone of the type, in one query per 500 referrals. */
    public Set<Long> referralsWith(MilestoneType type, Collection<Long> referralIds) {
        return reads.referralsWith(type, referralIds);
    }

    /** The current milestones of the type of these referrals, in the order they occurred; a query per 500. */
    public List<Milestone> current(MilestoneType type, Collection<Long> referralIds) {
        return reads.currentOfReferrals(type, referralIds);
    }

    /** The current milestones (none superseded) that match, in the order they occurred. */
    public List<Milestone> current(MilestoneFilter filter) {
        return reads.current(filter);
    }

    /**
     * The distinct referrals that reached each stage in one grouped query: a referral is at a stage when it has a
     * current milestone of one of the stage's types, of the programme, delivered by one of the organisations,
     * between the dates (inclusive). What the referral module's funnel and equality counts start from.
     */
    public List<ReferralStage> referralStages(long programmeId, Set<Long> organisationIds, LocalDate from,
            LocalDate to, List<Set<MilestoneType>> stages) {
        return reads.referralStages(programmeId, organisationIds, from, to, stages);
    }

    /**
     * Counts current milestones grouped by type and contract (and month, when asked), in one
     * set-based query. Superseded milestones never count, so a corrected milestone counts once.
     */
    public List<MilestoneCount> count(MilestoneCountQuery query) {
        return counts.count(query);
    }

    /**
     * Each case's first current milestone of the given types counted under the given contracts, with its
     * attributes, in one query on the kept projection: what funding pays per participant (one engagement, one job
     * start a case).
     */
    public List<FirstMilestone> firstPerCase(Collection<Long> contractIds, Collection<MilestoneType> types) {
        return reads.firstPerCase(contractIds, types);
    }

    /**
     * A return's participants and their first milestones: every case with a first current milestone (of any type)
     * under the contracts on or before {@code upTo}, and each of its first milestones (of any type, under any
     * contract) on or before that day, with their attributes, ordered by case, date and type.
     */
    public List<FirstMilestone> firstsOfParticipants(Collection<Long> contractIds, LocalDate upTo) {
        return reads.firstsOfParticipants(contractIds, upTo);
    }

    /** A type with a quantity must carry it, as a whole number from 0 to {@link MilestoneType#MAX_QUANTITY}. */
    private static void checkQuantity(NewMilestone milestone) {
        MilestoneType type = milestone.type();
        if (!type.hasQuantity()) {
            return;
        }
        String value = milestone.attributes().get(type.quantityAttribute());
        if (value == null || !value.matches("[0-9]{1,7}") || Integer.parseInt(value) > MilestoneType.MAX_QUANTITY) {
            throw new IllegalArgumentException(type.name() + " needs " + type.quantityAttribute()
                    + " as a whole number from 0 to " + MilestoneType.MAX_QUANTITY + ", not " + value);
        }
    }
}
