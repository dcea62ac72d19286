package org.workhealth.returns;

import java.time.Instant;

import org.workhealth.calendar.Quarter;

/** A compiled return of an organisation for a programme and quarter. */
record DataReturn(long id, long organisationId, long programmeId, Quarter quarter, int version, String status,
        Instant compiledAt, String compiledBy, int rowCount) {

    public boolean draft() {
        return "DRAFT".equals(status);
    }
}
