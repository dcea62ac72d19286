package org.workhealth.trial.internal;

import java.time.Instant;

/** A unit assessed for a trial and not randomised, with the reason: recorded once, never changed. */
public record Exclusion(long id, long trialId, long unitId, ExclusionReason reason, String detail, long recordedBy,
        Instant recordedAt) {

    public static final int DETAIL_MAX = 500;
}
