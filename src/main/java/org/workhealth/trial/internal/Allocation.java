package org.workhealth.trial.internal;

import java.time.Instant;
import java.util.Map;

/** A unit's allocation: made once, never changed; a mistaken one is marked in error and stays. */
public record Allocation(long id, long trialId, long unitId, String stratumKey, int position, String armCode,
        long allocatedBy, Instant allocatedAt, String controlAction, Map<String, String> strata, Instant inErrorAt,
        String inErrorReason) {

    public boolean inError() {
        return inErrorAt != null;
    }
}
