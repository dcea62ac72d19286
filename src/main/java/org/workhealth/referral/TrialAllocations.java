package org.workhealth.referral;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What a randomisation means for the referral, in the randomisation's transaction: a control allocation closes it
 * with the protocol's control action (so it can never be accepted onto the programme); a treatment allocation goes
 * on to acceptance as usual and only notes the arm on the timeline.
 */
@Component
class TrialAllocations {

    private final Triage triage;

    TrialAllocations(Triage triage) {
        this.triage = triage;
    }

    @EventListener
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
