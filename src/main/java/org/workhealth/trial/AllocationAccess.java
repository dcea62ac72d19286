package org.workhealth.trial;

import org.springframework.stereotype.Service;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.trial.internal.Allocation;
import org.workhealth.trial.internal.TrialRepository;

/**
 * One allocation of a trial, for the pages about it: only for those the trial lets see allocations (or who manage
 * it), and only when the allocation is the trial's: another trial's allocation id in the address is "not found".
 */
@Service
class AllocationAccess {

    private final Trials trials;
    private final TrialRepository repository;

    AllocationAccess(Trials trials, TrialRepository repository) {
        this.trials = trials;
        this.repository = repository;
    }

    /** For the allocation viewers the trial names. */
    Allocation visible(CurrentUser user, Trial trial, long allocationId) {
        if (!trials.maySeeAllocations(user, trial)) {
            throw new OutOfScopeException();
        }
        return ofTrial(trial, allocationId);
    }

    /** For commissioners who manage the trial. */
    Allocation manageable(CurrentUser user, Trial trial, long allocationId) {
        if (!trials.mayManage(user, trial)) {
            throw new OutOfScopeException();
        }
        return ofTrial(trial, allocationId);
    }

    private Allocation ofTrial(Trial trial, long allocationId) {
        return repository.allocation(allocationId).filter(a -> a.trialId() == trial.id())
                .orElseThrow(OutOfScopeException::new);
    }
}
