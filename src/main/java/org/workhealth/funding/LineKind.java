package org.workhealth.funding;

/** The kinds of line on a claim statement, and which part of the year's money each is paid from. */
public enum LineKind {
    MANAGEMENT("Management and team budget", false),
    BLOCK("Block payment", false),
    BASIC("Basic payment: eligible expenditure", false),
    PERFORMANCE("Performance payment", true),
    RESULT("Payment by results", true),
    ADJUSTMENT("Adjustment to an approved claim", true);

    private final String label;
    private final boolean earned;

    LineKind(String label, boolean earned) {
        this.label = label;
        this.earned = earned;
    }

    public String label() {
        return label;
    }

    /** Paid from the share earned by evidence, and so capped by it. */
    public boolean earned() {
        return earned;
    }
}
