package org.workhealth.casework;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether a case is still being worked, and which changes of status are allowed: an open case closes when the person
 * leaves support, and a closed case may be opened again. How a status looks on a page is the page's business.
 */
public enum CaseStatus {
    OPEN("Open"),
    CLOSED("Closed");

    private final String label;

    CaseStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether a case in this status may move to {@code next}: closing an open case, or reopening a closed one. */
    public boolean canBecome(CaseStatus next) {
        return switch (this) {
            case OPEN -> next == CLOSED;
            case CLOSED -> next == OPEN;
        };
    }

    /** The statuses a case may move to {@code next} from, for the guard of the conditional update. */
    public static Set<CaseStatus> fromWhichToBecome(CaseStatus next) {
        return EnumSet.allOf(CaseStatus.class).stream().filter(s -> s.canBecome(next))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(CaseStatus.class)));
    }
}
