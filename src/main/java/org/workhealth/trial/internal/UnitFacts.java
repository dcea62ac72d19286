package org.workhealth.trial.internal;

import java.util.Map;

/**
 * The unit being randomised as the trial sees it: its id (a referral or an employer), the organisation that holds
 * it, and its value for each factor, read from the unit's own record.
 */
public record UnitFacts(long unitId, long organisationId, Map<StratificationFactor, String> values) {

    public UnitFacts {
        values = Map.copyOf(values);
    }
}
