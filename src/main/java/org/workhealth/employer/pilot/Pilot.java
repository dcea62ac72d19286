package org.workhealth.employer.pilot;

import java.time.LocalDate;

/**
 * A pilot project a hub procures beside its employer programme, such as Thrive at Work's behaviour-change workshops,
 * culturally sensitive support and night-time economy pilots.
 *
 * @param hubOrganisationId      the hub that runs the programme and procured the pilot
 * @param providerOrganisationId the procured provider, an organisation of the hierarchy
 * @param budgetPence            the budget, in pence
 */
record Pilot(long id, long programmeId, long hubOrganisationId, long providerOrganisationId, String providerName,
        String name, String aim, LocalDate startsOn, LocalDate endsOn, long budgetPence) {

    static final int NAME_MAX = 120;
    static final int AIM_MAX = 1000;

    /** Whether a session on this day falls within the pilot's dates. */
    boolean runsOn(LocalDate day) {
        return !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }

    /** Providers are named by the organisation module, so pilots are read first and named after. */
    Pilot withProviderName(String name) {
        return new Pilot(id, programmeId, hubOrganisationId, providerOrganisationId, name, this.name, aim, startsOn,
                endsOn, budgetPence);
    }
}
