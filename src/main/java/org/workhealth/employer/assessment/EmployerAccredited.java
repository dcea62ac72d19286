package org.workhealth.employer.assessment;

import java.time.LocalDate;

/** An assessor awarded a level; published in the award's transaction. */
public record EmployerAccredited(long employerId, long hubOrganisationId, long awardId, String level,
        LocalDate awardedOn) {
}
