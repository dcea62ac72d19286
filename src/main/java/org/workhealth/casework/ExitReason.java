package org.workhealth.casework;

/** Why a person left support. Public so that returns can show an exit reason's code as its label. */
public enum ExitReason {
    COMPLETED("Completed support"),
    MOVED_INTO_WORK("Moved into work and left support"),
    WITHDREW("Withdrew"),
    UNABLE_TO_CONTACT("Unable to contact"),
    MOVED_AWAY("Moved away"),
    OTHER("Other");

    private final String label;

    ExitReason(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** The label of the reason with this code; a code from elsewhere written as words ("NO_CONTACT": "No contact"). */
    public static String labelOf(String code) {
        for (ExitReason reason : values()) {
            if (reason.name().equals(code)) {
                return reason.label;
            }
        }
        return MilestoneDetails.words(code);
    }
}
