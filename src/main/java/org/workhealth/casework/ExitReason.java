package org.workhealth.casework;

/** Why a person left support. */
enum ExitReason {
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
}
