package org.workhealth.trial.internal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A unit that stopped the intervention. It stays allocated, in its arm, and (unless research consent was withdrawn)
 * followed up: CONSORT counts it as "discontinued intervention", not as lost.
 */
public record DropOut(long allocationId, LocalDate droppedOn, DropOutReason reason, String detail, long recordedBy,
        Instant recordedAt) {

    public static final int DETAIL_MAX = 500;
}
