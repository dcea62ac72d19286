package org.workhealth.trial.followup;

import java.util.Set;

/** Which points the due list shows: the filter's choices. */
public enum Show {
    OUTSTANDING("Due, overdue or upcoming", Set.of(FollowUpStatus.DUE, FollowUpStatus.OVERDUE,
            FollowUpStatus.UPCOMING)),
    DUE("Due", Set.of(FollowUpStatus.DUE)),
    OVERDUE("Overdue", Set.of(FollowUpStatus.OVERDUE)),
    UPCOMING("Upcoming", Set.of(FollowUpStatus.UPCOMING)),
    RECORDED("Recorded", Set.of(FollowUpStatus.RECORDED)),
    LOST("Lost to follow-up", Set.of(FollowUpStatus.LOST)),
    ALL("All", Set.of(FollowUpStatus.values()));

    private final String label;
    private final Set<FollowUpStatus> statuses;

    Show(String label, Set<FollowUpStatus> statuses) {
        this.label = label;
        this.statuses = statuses;
    }

    public String label() {
        return label;
    }

    boolean includes(FollowUpStatus status) {
        return statuses.contains(status);
    }
}
