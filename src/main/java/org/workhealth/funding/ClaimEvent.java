package org.workhealth.funding;

import java.time.Instant;

/** A step in a claim's history: submitted, returned with a reason, or approved, by whom and when. */
public record ClaimEvent(String action, Instant at, String personName, long totalPence, String reason) {

    public String total() {
        return Money.format(totalPence);
    }
}
