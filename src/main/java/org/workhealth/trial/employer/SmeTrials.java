package org.workhealth.trial.employer;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;
import org.workhealth.employer.Employer;
import org.workhealth.employer.Employers;
import org.workhealth.employer.SizeBand;
import org.workhealth.organisation.AccessPolicy;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.organisation.Permission;
import org.workhealth.trial.internal.Allocation;
import org.workhealth.trial.internal.Randomiser;
import org.workhealth.trial.internal.StratificationFactor;
import org.workhealth.trial.Trial;
import org.workhealth.trial.TrialUnit;
import org.workhealth.trial.Trials;
import org.workhealth.trial.internal.UnitFacts;

/**
 * Employer-unit trials: who may run one, which SMEs may be randomised, randomising them (strata read from the
 * employer's record) and excluding those assessed and not randomised. Those who run the SME trial see the arms:
 * they pay the treatment arm's grants, so the allocations cannot be hidden from them.
 */
@Service
public class SmeTrials {

    private final Trials trials;
    private final Randomiser randomiser;
    private final Employers employers;
    private final AccessPolicy access;
    private final SmeTrialStore store;
    private final AuditLog audit;
    private final Clock clock;

    SmeTrials(Trials trials, Randomiser randomiser, Employers employers, AccessPolicy access, SmeTrialStore store,
            AuditLog audit, Clock clock) {
        this.trials = trials;
        this.randomiser = randomiser;
        this.employers = employers;
        this.access = access;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The employer trial, when the person manages the trial or runs the employer programme at (or above) the
     * organisation that owns it; otherwise "not found".
     */
    public Trial trial(CurrentUser user, long trialId) {
        Trial trial = trials.find(trialId).filter(t -> t.unit() == TrialUnit.EMPLOYER)
                .orElseThrow(OutOfScopeException::new);
        if (!trials.mayManage(user, trial)
                && !access.may(user, Permission.MANAGE_EMPLOYER_PROGRAMME, trial.ownerOrganisationId())) {
            throw new OutOfScopeException();
        }
        return trial;
    }

    /** An employer of a hub in the trial owner's scope; any other is "not found". */
    public Employer employer(Trial trial, long employerId) {
        Employer employer = employers.find(employerId).orElseThrow(OutOfScopeException::new);
        if (!access.scopeOf(trial.ownerOrganisationId()).contains(employer.hubOrganisationId())) {
            throw new OutOfScopeException();
        }
        return employer;
    }

    /** Micro, small and medium employers only: the trial is of SMEs. */
    public static boolean sme(Employer employer) {
        return employer.confirmed() && employer.sizeBand() != SizeBand.LARGE;
    }

    /** The SMEs in the trial owner's scope, confirmed on the programme: candidates, randomised or excluded. */
    public List<Employer> smes(Trial trial) {
        return employers.confirmedAt(access.scopeOf(trial.ownerOrganisationId())).stream().filter(SmeTrials::sme)
                .toList();
    }

    /** The employers with these ids, whatever their size or status now (an SME randomised may have grown since). */
    List<Employer> employers(java.util.Collection<Long> ids) {
        return employers.findAll(ids);
    }

    List<SmeTrialStore.Allocated> allocations(Trial trial) {
        return store.allocations(trial.id());
    }

    List<SmeTrialStore.Excluded> exclusions(Trial trial) {
        return store.exclusions(trial.id());
    }

    Optional<SmeTrialStore.Excluded> exclusion(Trial trial, long employerId) {
        return store.exclusions(trial.id()).stream().filter(e -> e.employerId() == employerId).findFirst();
    }

    public Optional<Allocation> allocation(Trial trial, long employerId) {
        return randomiser.allocationOf(trial.id(), employerId);
    }

    Optional<String> consentGivenBy(Trial trial, long employerId) {
        return store.consentGivenBy(trial.id(), employerId);
    }

    /** The employer as the randomiser sees it: its size band and sector, read from its record. */
    public static UnitFacts facts(Employer employer) {
        Map<StratificationFactor, String> values = new EnumMap<>(StratificationFactor.class);
        values.put(StratificationFactor.SIZE_BAND, employer.sizeBand().name());
        values.put(StratificationFactor.SECTOR, employer.sicSection());
        return new UnitFacts(employer.id(), employer.hubOrganisationId(), values);
    }

    /**
     * Randomises the SME once, recording who at the employer gave its consent to take part. A second request
     * returns the first allocation. @throws Randomiser.NotRandomisedException when it may not be randomised
     */
    @Transactional
    public Allocation randomise(CurrentUser user, Trial trial, Employer employer, String consentGivenBy) {
        if (!sme(employer)) {
            throw new Randomiser.NotRandomisedException(
                    "Only micro, small and medium employers confirmed on the programme can take part");
        }
        // The trial's row is held from here on (the randomiser takes the same lock), so an exclusion recorded at
        // the same moment is seen before the allocation is made, and the consent is recorded once.
        store.lockTrial(trial.id());
        if (exclusion(trial, employer.id()).isPresent()) {
            throw new Randomiser.NotRandomisedException("This employer was excluded from the trial");
        }
        Allocation allocation = randomiser.randomise(user, trial.id(), facts(employer));
        if (store.consentGivenBy(trial.id(), employer.id()).isEmpty()) {
            store.insertConsent(trial.id(), employer.id(), consentGivenBy, user.id(), clock.instant());
        }
        return allocation;
    }

    /** Records that the SME was assessed and not randomised. @return false when it is already randomised or excluded */
    @Transactional
    public boolean exclude(CurrentUser user, Trial trial, Employer employer, ExclusionReason reason, String detail) {
        store.lockTrial(trial.id());
        if (allocation(trial, employer.id()).isPresent() || exclusion(trial, employer.id()).isPresent()) {
            return false;
        }
        store.insertExclusion(trial.id(), employer.id(), employer.hubOrganisationId(), reason, detail, user.id(),
                clock.instant());
        audit.recordChange("EXCLUDE", "trial_exclusion", trial.id() + "/" + employer.id(), trial.ownerOrganisationId(),
                trial.code() + ": employer " + employer.id() + " " + reason.name());
        return true;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }
}
