package org.workhealth.employer.assessment;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.workhealth.employer.internal.EmployerSignedUp;
import org.workhealth.employer.Employers;
import org.workhealth.employer.framework.Frameworks;

/** A confirmed sign-up starts on its hub's current framework version, which it keeps until it moves. */
@Component
class StartOnCurrentVersion {

    private final Employers employers;
    private final Frameworks frameworks;

    StartOnCurrentVersion(Employers employers, Frameworks frameworks) {
        this.employers = employers;
        this.frameworks = frameworks;
    }

    @EventListener
    void on(EmployerSignedUp signedUp) {
        employers.find(signedUp.employerId()).filter(e -> e.frameworkVersionId() == null)
                .ifPresent(e -> frameworks.current(e.hubOrganisationId())
                        .ifPresent(v -> employers.useFrameworkVersion(e.id(), v.id())));
    }
}
