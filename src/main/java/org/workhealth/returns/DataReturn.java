package org.workhealth.returns;

import java.time.Instant;

import org.workhealth.calendar.Quarter;

/**
 * A version of an organisation's return for a programme and quarter: a locality's, or the hub's collation of its
 * localities' approved returns.
 *
 * @param submittedAt when this version was submitted to the hub, or null
 * @param lockId      the lock approval put on the milestone record while the return stands approved, or null
 */
record DataReturn(long id, long organisationId, long programmeId, Quarter quarter, int version, String status,
        Instant compiledAt, String compiledBy, int rowCount, boolean collated, Instant submittedAt, Long lockId) {

    static final String DRAFT = ReturnStatus.DRAFT.name();
    static final String SUBMITTED = ReturnStatus.SUBMITTED.name();
    static final String RETURNED = ReturnStatus.RETURNED.name();
    static final String APPROVED = ReturnStatus.APPROVED.name();
    static final String SENT = ReturnStatus.SENT.name();

    /** This return, naming who compiled it. */
    DataReturn compiledBy(String name) {
        return new DataReturn(id, organisationId, programmeId, quarter, version, status, compiledAt, name, rowCount,
                collated, submittedAt, lockId);
    }

    public boolean draft() {
        return DRAFT.equals(status);
    }

    public boolean is(String wanted) {
        return wanted.equals(status);
    }

    /** The status in the words of the status board. */
    public String statusLabel() {
        return ReturnStatus.valueOf(status).label();
    }
}
