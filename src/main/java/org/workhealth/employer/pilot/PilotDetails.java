package org.workhealth.employer.pilot;

import java.time.LocalDate;

/** What a commissioner answers when setting up or changing a pilot: checked, budget in pence. */
record PilotDetails(long providerOrganisationId, String name, String aim, LocalDate startsOn, LocalDate endsOn,
        long budgetPence) {
}
