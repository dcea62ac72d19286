package org.workhealth.trial;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.workhealth.referral.TriageTrialLinks;
import org.workhealth.trial.internal.Randomiser;

/** The triage page's link to randomise a referral into the programme's recruiting trial. */
@Component
class TrialLinks implements TriageTrialLinks {

    private final Trials trials;
    private final Randomiser randomiser;

    TrialLinks(Trials trials, Randomiser randomiser) {
        this.trials = trials;
        this.randomiser = randomiser;
    }

    @Override
    public Optional<Link> forReferral(long referralId, long programmeId) {
        // Once randomised the link names the arm it was allocated to (never anything about the next allocation).
        return trials.recruiting(programmeId).map(t -> new Link(randomiser.allocationOf(t.id(), referralId)
                .map(a -> "Randomised into " + t.title() + ": allocated to " + t.arm(a.armCode()).name())
                .orElse("Check eligibility and consent, and randomise into " + t.title()),
                "/referrals/" + referralId + "/trials/" + t.id() + "/randomise"));
    }
}
