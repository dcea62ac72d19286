package org.workhealth.trial.followup;

/**
 * Where a follow-up point stands. Only RECORDED and LOST are stored ({@code trial_follow_up.status}); a point still
 * DUE there is shown as upcoming, due or overdue by today's date against its window.
 */
public enum FollowUpStatus {
    UPCOMING("Upcoming"),
    DUE("Due"),
    OVERDUE("Overdue"),
    RECORDED("Recorded"),
    LOST("Lost to follow-up");

    /**
     * The window either side of the due date in which an outcome is collected (two weeks, a common choice for
     * 12- to 52-week points): before it the point is upcoming, after it overdue.
     */
    public static final int WINDOW_DAYS = 14;

    private final String label;

    FollowUpStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean outstanding() {
        return this == UPCOMING || this == DUE || this == OVERDUE;
    }
}
