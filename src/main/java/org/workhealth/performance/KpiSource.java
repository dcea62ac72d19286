package org.workhealth.performance;

/** Where a KPI's actuals come from. */
public enum KpiSource {
    /** Counted from the milestone record. */
    MILESTONES("Counted from milestones"),
    /** Entered by hand each quarter, for programmes run outside the service. */
    ENTERED("Entered by hand"),
    /** A percentage: the sum of some KPIs divided by the sum of others. */
    RATIO("A ratio of other KPIs");

    private final String label;

    KpiSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
