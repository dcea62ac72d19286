package org.workhealth.employer.pilot;

import java.time.LocalDate;

/** A pilot to set up: the programme it complements, the hub running it, the procured provider, dates and budget. */
public record NewPilot(long programmeId, long hubOrganisationId, long providerOrganisationId, String name, String aim,
        LocalDate startsOn, LocalDate endsOn, long budgetPence) {
}
