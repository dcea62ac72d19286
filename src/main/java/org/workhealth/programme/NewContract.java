package org.workhealth.programme;

import java.time.LocalDate;

/** What a commissioner gives to record a delivery contract. */
public record NewContract(String reference, long programmeId, long providerOrganisationId,
        long commissionerOrganisationId, String area, LocalDate startsOn, LocalDate endsOn, Long valuePence) {
}
