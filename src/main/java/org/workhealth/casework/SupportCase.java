package org.workhealth.casework;

import java.time.LocalDate;

/** A person's case with a provider. */
public record SupportCase(long id, String reference, long referralId, long programmeId, Long cohortId,
        long organisationId, long keyWorkerId, CaseStatus status, LocalDate openedOn,
        String employmentStatusAtReferral) {
}
