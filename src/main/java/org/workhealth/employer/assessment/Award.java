package org.workhealth.employer.assessment;

import java.time.LocalDate;

/** A level awarded to an employer; withdrawn with a reason, or lapsed once its expiry has passed. */
record Award(long id, long employerId, long hubOrganisationId, String levelCode, String levelName, Long submissionId,
        LocalDate awardedOn, LocalDate expiresOn, LocalDate withdrawnOn, String withdrawnReason) {

    static final int REASON_MAX = 500;

    public boolean withdrawn() {
        return withdrawnOn != null;
    }

    public boolean lapsed(LocalDate today) {
        return !withdrawn() && today.isAfter(expiresOn);
    }

    public String state(LocalDate today) {
        return withdrawn() ? "Withdrawn" : lapsed(today) ? "Lapsed" : "Current";
    }
}
