package org.workhealth.employer.assessment;

import java.time.LocalDate;

/** An award was withdrawn (with a reason, in the audit log). */
public record AwardWithdrawn(long awardId, long employerId, LocalDate on) {
}
