package org.workhealth.trial.followup;

import java.time.Instant;
import java.time.LocalDate;

/** One follow-up point of one allocation, with the outcome once recorded. */
public record FollowUpPoint(long allocationId, long unitId, String armCode, Instant allocatedAt, boolean inError,
        int week, LocalDate dueOn, String storedStatus, LocalDate assessedOn, Boolean inPaidWork,
        LocalDate jobStartedOn, Integer hoursPerWeek, Integer wellbeingScore, String lostReason, Instant recordedAt) {

    public FollowUpStatus status(LocalDate today) {
        if ("RECORDED".equals(storedStatus)) {
            return FollowUpStatus.RECORDED;
        }
        if ("LOST".equals(storedStatus)) {
            return FollowUpStatus.LOST;
        }
        if (today.isBefore(dueOn.minusDays(FollowUpStatus.WINDOW_DAYS))) {
            return FollowUpStatus.UPCOMING;
        }
        return today.isAfter(dueOn.plusDays(FollowUpStatus.WINDOW_DAYS)) ? FollowUpStatus.OVERDUE
                : FollowUpStatus.DUE;
    }

    public boolean recorded() {
        return !"DUE".equals(storedStatus);
    }

    /** The stored values, for the audit entry a correction writes (so nothing is silently overwritten). */
    String describe() {
        return "status " + storedStatus + ", assessed on " + assessedOn + ", in paid work " + inPaidWork
                + ", job started on " + jobStartedOn + ", hours per week " + hoursPerWeek + ", wellbeing score "
                + wellbeingScore + (lostReason == null ? "" : ", lost: " + lostReason);
    }
}
