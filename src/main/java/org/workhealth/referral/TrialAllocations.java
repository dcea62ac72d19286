package org.workhealth.referral;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * What a randomisation means for the referral: a control allocation closes it with the protocol's control action (so
 * it can never be accepted onto the programme); a treatment allocation goes on to acceptance as usual and only notes
 * the arm on the timeline.
 * <p>
 * It runs once the randomisation has committed, in its own transaction, recorded in the event publication registry
 * (so a failure here leaves the publication incomplete, delivered again at the next start, and never undoes the
 * allocation). It runs on the request's thread rather than asynchronously because the very next page, the referral
 * after randomising, shows it closed as allocated to the control arm (TrialEnrolmentJourneyTest, EnrolmentPagesTest).
 */
@Component
class TrialAllocations {

    private final Triage triage;

    TrialAllocations(Triage triage) {
        this.triage = triage;
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(ParticipantAllocated event) {
        if (event.control()) {
            triage.allocatedToControl(event.referralId(), event.programmeId(), "Allocated to the control arm ("
                    + event.armName() + ") of " + event.trialTitle() + ": " + event.controlAction(), event.allocatedBy());
        } else {
            triage.allocated(event.referralId(), "Randomised into " + event.trialTitle() + ": allocated to "
                    + event.armName(), event.allocatedBy());
        }
    }
}
