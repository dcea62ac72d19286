package org.workhealth.performance;

/** How milestones count towards a KPI. */
public enum CountingRule {
    /** A case counts once, in the quarter of its first current milestone of the type. */
    FIRST_PER_CASE("First per case"),
    /** Every current milestone counts. */
    EVERY("Every milestone"),
    /**
     * Every current milestone counts its quantity, such as an engagement's attendees: one milestone is recorded per
     * engagement (what happened), and the KPI adds up the people who came. Only for milestone types with a quantity.
     */
    SUM_QUANTITY("Every milestone, adding up how many it stands for (such as attendees)");

    private final String label;

    CountingRule(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
