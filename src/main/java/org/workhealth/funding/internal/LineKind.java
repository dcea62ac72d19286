package org.workhealth.funding.internal;

/** The kinds of line on a claim statement, and which part of the year's money each is paid from. */
public enum LineKind {
    MANAGEMENT("Management and team budget", false),
    BLOCK("Block payment", false),
    BASIC("Basic payment: eligible expenditure", false),
    PERFORMANCE("Performance payment", true),
    RESULT("Payment by results", true),
    ADJUSTMENT("Adjustment to an approved claim", true),
    /** A grant instalment paid to an employer (an SME trial's treatment arm): on top of the contract's shares. */
    GRANT("Grant instalment to an employer", false);

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
