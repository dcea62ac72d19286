package org.workhealth.performance;

/** How milestones count towards a KPI. */
public enum CountingRule {
    /** A case counts once, in the quarter of its first current milestone of the type. */
    FIRST_PER_CASE("First per case"),
    /** Every current milestone counts. */
    EVERY("Every milestone");

    private final String label;

    CountingRule(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
