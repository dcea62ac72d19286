package org.workhealth.funding;

import java.time.Instant;

import org.workhealth.calendar.Quarter;
import org.workhealth.funding.internal.ClaimStatus;

/** A claim as stored from its first submission. */
record Claim(long id, long agreementId, Quarter quarter, ClaimStatus status, long totalPence, Instant submittedAt,
        long submittedBy, Instant decidedAt, Long decidedBy, String returnReason, int version) {
}
