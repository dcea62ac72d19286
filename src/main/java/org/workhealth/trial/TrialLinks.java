package org.workhealth.trial;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.workhealth.referral.TriageTrialLinks;

/** The triage page's link to randomise a referral into the programme's recruiting trial. */
@Component
class TrialLinks implements TriageTrialLinks {

    private final Trials trials;

    TrialLinks(Trials trials) {
        this.trials = trials;
    }

    @Override
    public Optional<Link> forReferral(long referralId, long programmeId) {
        return trials.recruiting(programmeId).map(t -> new Link("Check eligibility and consent, and randomise into "
                + t.title(), "/referrals/" + referralId + "/trials/" + t.id() + "/randomise"));
    }
}
