package org.workhealth.funding.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Where a quarter's claim stands, and the moves between: a draft (worked out afresh each time, not stored) or a
 * returned claim is submitted; a submitted one is approved or returned; an approved one stays so. The conditional
 * updates that make the moves take their statuses from here. How a status looks is the templates' business.
 */
public enum ClaimStatus {
    DRAFT("Not submitted"),
    SUBMITTED("Submitted"),
    RETURNED("Returned"),
    APPROVED("Approved");

    /** Counted as claimed: their lines are no longer open to change. */
    public static final Set<ClaimStatus> CLAIMED = EnumSet.of(SUBMITTED, APPROVED);

    private final String label;

    ClaimStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean canBecome(ClaimStatus next) {
        return switch (this) {
            case DRAFT, RETURNED -> next == SUBMITTED;
            case SUBMITTED -> next == APPROVED || next == RETURNED;
            case APPROVED -> false;
        };
    }

    /** The stored statuses from which a claim may become {@code next}, as names to bind in a conditional update. */
    public static List<String> from(ClaimStatus next) {
        return EnumSet.complementOf(EnumSet.of(DRAFT)).stream().filter(s -> s.canBecome(next)).map(Enum::name)
                .toList();
    }

    public static List<String> names(Set<ClaimStatus> statuses) {
        return statuses.stream().map(Enum::name).toList();
    }

    /** Counted as claimed: its lines are no longer open to change. */
    public boolean claimed() {
        return CLAIMED.contains(this);
    }
}
