package org.workhealth.employer.figures;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.workhealth.employer.internal.EmployerSignedUp;
import org.workhealth.milestone.MilestoneType;

/**
 * A confirmed sign-up is a Thrive at Work sign-up: one {@code EMPLOYER_SIGNED_UP} milestone, dated the day the
 * employer asked to join, written in the transaction that confirmed it (so a refused milestone, say in a locked
 * period, leaves the sign-up unconfirmed rather than uncounted).
 */
@Component
class SignUpMilestones {

    private final EmployerMilestones milestones;

    SignUpMilestones(EmployerMilestones milestones) {
        this.milestones = milestones;
    }

    @EventListener
    void on(EmployerSignedUp event) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("employer", String.valueOf(event.employerId()));
        attributes.put("source", event.source().name());
        milestones.record(MilestoneType.EMPLOYER_SIGNED_UP, event.hubOrganisationId(), event.signedUpOn(), attributes,
                null);
    }
}
