package org.workhealth.funding;

import java.time.Instant;

import org.workhealth.funding.internal.Money;

/** A hub's pot for a programme, shared among its localities; as saved, never changed. */
record Allocation(long id, String name, long programmeId, String programmeName, long hubId, String hubName,
        long potPence, int basicPercent, String period, Instant createdAt) {

    public String potText() {
        return Money.formatWholePounds(potPence);
    }
}
