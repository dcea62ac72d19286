package org.workhealth.trial.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.referral.ParticipantAllocated;
import org.workhealth.trial.Arm;
import org.workhealth.trial.Trial;
import org.workhealth.trial.TrialUnit;

/**
 * Makes allocations. The trial's row is locked for the length of a randomisation, so concurrent requests are made
 * one after another; the unit's existing allocation is then found and returned, and the unique constraint on
 * (trial, unit) stops a second one in any case. The caller must already have checked that the person may act on
 * the unit (the referral's triage does this).
 */
@Service
public class Randomiser {

    /** Why a randomisation was not made. */
    public static class NotRandomisedException extends RuntimeException {
        public NotRandomisedException(String message) {
            super(message);
        }
    }

    private final TrialRepository trials;
    private final TrialSeedCipher cipher;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Randomiser(TrialRepository trials, TrialSeedCipher cipher, AuditLog audit, Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.trials = trials;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    /** The unit's allocation, if it has been randomised: never the next one. */
    public java.util.Optional<Allocation> allocationOf(long trialId, long unitId) {
        return trials.allocationOf(trialId, unitId);
    }

    /**
     * Randomises the unit once: a second call returns the first allocation unchanged.
     *
     * @param actor the person randomising (recorded)
     */
    @Transactional
    public Allocation randomise(CurrentUser actor, long trialId, UnitFacts unit) {
        Trial trial = trials.findForUpdate(trialId).orElseThrow(OutOfScopeException::new);
        var existing = trials.allocationOf(trialId, unit.unitId());
        if (existing.isPresent()) {
            return existing.get();
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        if (!trial.recruitingOn(today)) {
            throw new NotRandomisedException("The trial is not recruiting today");
        }
        for (StratificationFactor factor : trial.factors()) {
            String value = unit.values().get(factor);
            if (value == null || value.isBlank()) {
                throw new NotRandomisedException("The " + factor.label().toLowerCase() + " is not recorded");
            }
        }
        byte[] seed = seedLockingOnFirstUse(trial, now);
        String stratum = stratumKey(trial, unit);
        int position = trials.nextPosition(trialId, stratum);
        String arm = armFor(trial, seed, stratum, position, unit);
        String controlAction = trial.arm(arm).control() ? trial.controlAction() : null;
        long id;
        try {
            id = trials.insertAllocation(trialId, unit, stratum, position, arm, actor.id(), now, controlAction);
        } catch (DuplicateKeyException e) {
            throw new NotRandomisedException("This unit has already been randomised");
        }
        trials.advance(trialId, stratum, position);
        for (int week : trial.followUpWeeks()) {
            trials.insertFollowUp(id, week, today.plusWeeks(week));
        }
        audit.recordChange("RANDOMISE", "trial_allocation", id, unit.organisationId(),
                trial.code() + ": unit " + unit.unitId());
        if (trial.unit() == TrialUnit.PARTICIPANT) {
            // The referral module closes a control allocation's referral once this commits (docs/trials.md).
            Arm allocated = trial.arm(arm);
            events.publishEvent(new ParticipantAllocated(unit.unitId(), trial.id(), trial.title(), trial.programmeId(),
                    arm, allocated.name(), allocated.control(), controlAction, actor.id()));
        }
        return trials.allocation(id).orElseThrow();
    }

    /** Marks a mistaken randomisation; it stays in the record and in the counts, with the reason. */
    @Transactional
    public boolean markInError(CurrentUser actor, Trial trial, long allocationId, String reason) {
        Allocation allocation = trials.allocation(allocationId).filter(a -> a.trialId() == trial.id())
                .orElseThrow(OutOfScopeException::new);
        boolean marked = trials.markInError(allocationId, actor.id(), clock.instant(), reason);
        if (marked) {
            audit.recordChange("RANDOMISED_IN_ERROR", "trial_allocation", allocation.id(), trial.ownerOrganisationId(),
                    reason);
        }
        return marked;
    }

    private byte[] seedLockingOnFirstUse(Trial trial, Instant now) {
        if (trial.locked()) {
            return cipher.decrypt(trials.encryptedSeed(trial.id()).orElseThrow());
        }
        byte[] seed = TrialSeedCipher.newSeed();
        trials.lock(trial.id(), cipher.encrypt(seed), now);
        audit.recordChange("LOCK", "trial", trial.id(), trial.ownerOrganisationId(), "First randomisation");
        return seed;
    }

    /** Permuted blocks: one sequence per combination of factor values; minimisation: one sequence for the trial. */
    static String stratumKey(Trial trial, UnitFacts unit) {
        if (trial.method() == AllocationMethod.MINIMISATION || trial.factors().isEmpty()) {
            return "ALL";
        }
        return trial.factors().stream().sorted(Comparator.comparing(Enum::name))
                .map(f -> f.name() + "=" + unit.values().get(f)).collect(Collectors.joining("|"));
    }

    private String armFor(Trial trial, byte[] seed, String stratum, int position, UnitFacts unit) {
        if (trial.method() == AllocationMethod.PERMUTED_BLOCKS) {
            return new PermutedBlocks(seed, trial.id(), trial.arms(), trial.blockMultipliers()).armAt(stratum, position);
        }
        Map<String, String> levels = trial.factors().stream()
                .collect(Collectors.toMap(Enum::name, f -> unit.values().get(f)));
        return Minimisation.choose(trial.arms(), trials.marginalCounts(trial.id()), levels,
                trial.minimisationProbability(), new SeedStream(seed, trial.id() + "|MIN|" + position));
    }
}
