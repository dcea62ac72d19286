package org.workhealth.trial;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;
import org.workhealth.organisation.AccessPolicy;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.referral.TrialCandidate;
import org.workhealth.research.ResearchConsentRecording;
import org.workhealth.trial.internal.Allocation;
import org.workhealth.trial.internal.Exclusion;
import org.workhealth.trial.internal.ExclusionReason;
import org.workhealth.trial.internal.StratificationFactor;
import org.workhealth.trial.internal.UnitFacts;
import org.workhealth.trial.internal.Randomiser;
import org.workhealth.trial.internal.TrialRepository;

/**
 * The randomisation point of a participant trial: a referral assessed for the trial is either excluded (with the
 * reason) or, eligible and consenting, has its research consent recorded and is randomised, in one transaction.
 * Each step runs under the trial's row lock, so a unit is never both excluded and allocated.
 */
@Service
class Enrolment {

    /** Consent to the study as the triager records it. */
    record Consent(String sheetVersion, LocalDate consentedOn) {
    }

    private final TrialRepository trials;
    private final Exclusions exclusions;
    private final Randomiser randomiser;
    private final ResearchConsentRecording consents;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final Clock clock;

    Enrolment(TrialRepository trials, Exclusions exclusions, Randomiser randomiser,
            ResearchConsentRecording consents, AccessPolicy access, AuditLog audit, Clock clock) {
        this.trials = trials;
        this.exclusions = exclusions;
        this.randomiser = randomiser;
        this.consents = consents;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The trial, when this referral may be randomised into it: a participant trial on a programme the referral is
     * being assessed for, owned by an organisation whose scope holds the referral. Anything else is "not found",
     * so editing the address reaches no other trial.
     */
    Trial trialFor(TrialCandidate candidate, long trialId) {
        Trial trial = trials.find(trialId).orElseThrow(OutOfScopeException::new);
        if (trial.unit() != TrialUnit.PARTICIPANT || !candidate.assessableFor(trial.programmeId())
                || !access.scopeOf(trial.ownerOrganisationId()).contains(candidate.routedOrganisationId())) {
            throw new OutOfScopeException();
        }
        return trial;
    }

    boolean recruitingToday(Trial trial) {
        return trial.recruitingOn(today());
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * Records consent and randomises. A unit already allocated gets its allocation back and nothing is recorded.
     *
     * @throws Randomiser.NotRandomisedException when the referral is closed or excluded, or the trial refuses
     * @throws ResearchConsentRecording.NotRecordedException when the consent answers do not fit the study
     */
    @Transactional
    Allocation randomise(CurrentUser user, Trial trial, TrialCandidate candidate, Consent consent) {
        trials.findForUpdate(trial.id()).orElseThrow(OutOfScopeException::new);
        Optional<Allocation> existing = trials.allocationOf(trial.id(), candidate.referralId());
        if (existing.isPresent()) {
            return existing.get();
        }
        refuseIfClosedOrExcluded(trial, candidate);
        if (consent == null) {
            throw new Randomiser.NotRandomisedException("Record the person's research consent first");
        }
        this.consents.give(trial.code(), candidate.referralId(), candidate.routedOrganisationId(),
                consent.sheetVersion(), consent.consentedOn(), user.id());
        return randomiser.randomise(user, trial.id(), facts(candidate));
    }

    /**
     * Records that the referral was assessed and not randomised; once per unit (a second call returns the first).
     *
     * @throws Randomiser.NotRandomisedException when it is already randomised or the referral is closed
     */
    @Transactional
    Exclusion exclude(CurrentUser user, Trial trial, TrialCandidate candidate, ExclusionReason reason, String detail) {
        trials.findForUpdate(trial.id()).orElseThrow(OutOfScopeException::new);
        if (trials.allocationOf(trial.id(), candidate.referralId()).isPresent()) {
            throw new Randomiser.NotRandomisedException("This person has already been randomised");
        }
        Optional<Exclusion> existing = exclusions.of(trial.id(), candidate.referralId());
        if (existing.isPresent()) {
            return existing.get();
        }
        if (!candidate.open()) {
            throw new Randomiser.NotRandomisedException(closed(candidate));
        }
        try {
            exclusions.insert(trial.id(), trial.unit().name(), candidate.referralId(),
                    candidate.routedOrganisationId(), reason, detail, user.id(), clock.instant());
        } catch (DuplicateKeyException e) {
            throw new Randomiser.NotRandomisedException("This person's exclusion is already recorded");
        }
        Exclusion exclusion = exclusions.of(trial.id(), candidate.referralId()).orElseThrow();
        audit.recordChange("TRIAL_EXCLUSION", "trial_exclusion", exclusion.id(), candidate.routedOrganisationId(),
                trial.code() + ": " + reason.label() + (detail == null ? "" : ". " + detail));
        return exclusion;
    }

    Optional<Exclusion> exclusionOf(Trial trial, long referralId) {
        return exclusions.of(trial.id(), referralId);
    }

    private void refuseIfClosedOrExcluded(Trial trial, TrialCandidate candidate) {
        if (!candidate.open()) {
            throw new Randomiser.NotRandomisedException(closed(candidate));
        }
        if (exclusions.of(trial.id(), candidate.referralId()).isPresent()) {
            throw new Randomiser.NotRandomisedException("This person was recorded as not randomised into the trial");
        }
    }

    static String closed(TrialCandidate candidate) {
        return "This referral has been decided (" + candidate.status().label().toLowerCase(java.util.Locale.UK)
                + "), so it cannot be randomised";
    }

    static UnitFacts facts(TrialCandidate c) {
        Map<StratificationFactor, String> values = new EnumMap<>(StratificationFactor.class);
        values.put(StratificationFactor.LOCALITY, c.routedOrganisationName());
        if (c.inWork() != null) {
            values.put(StratificationFactor.IN_WORK, c.inWork());
        }
        if (c.cohortName() != null) {
            values.put(StratificationFactor.COHORT, c.cohortName());
        }
        return new UnitFacts(c.referralId(), c.routedOrganisationId(), values);
    }
}
