package org.workhealth.funding.internal;

import java.time.Instant;

import org.workhealth.calendar.Quarter;

/** Eligible expenditure a provider entered for a quarter, claimed against the basic share. */
public record Expenditure(long id, long agreementId, Quarter quarter, String description, long amountPence,
        Instant enteredAt, Long enteredBy) {

    public String amount() {
        return Money.format(amountPence);
    }
}
