package org.workhealth.referral;

/** Employment status at referral, which decides the questions asked and the plan offered. */
public enum EmploymentStatus {
    EMPLOYED("Employed", true),
    SELF_EMPLOYED("Self-employed", true),
    OFF_SICK("Off sick from a job", true),
    UNEMPLOYED("Unemployed", false),
    NOT_WORKED_RECENTLY("Not worked recently", false);

    private final String label;
    private final boolean inWork;

    EmploymentStatus(String label, boolean inWork) {
        this.label = label;
        this.inWork = inWork;
    }

    public String label() {
        return label;
    }

    /** In work at referral (counts towards "engagements in work" and job retention). */
    public boolean inWork() {
        return inWork;
    }
}
