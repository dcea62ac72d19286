package org.workhealth.employer.assessment;

import org.springframework.stereotype.Component;
import org.workhealth.employer.framework.FrameworkExamples;

/**
 * The demo's Thrive at Work framework at the West Midlands Combined Authority (two versions, criteria written for
 * the demo), loaded by the demo data after the employers.
 */
@Component
public class AccreditationExamples {

    private final FrameworkExamples frameworks;

    AccreditationExamples(FrameworkExamples frameworks) {
        this.frameworks = frameworks;
    }

    public void load(long hubOrganisationId, long commissionerId) {
        frameworks.load(hubOrganisationId, commissionerId);
    }
}
