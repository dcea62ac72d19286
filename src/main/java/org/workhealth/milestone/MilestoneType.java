package org.workhealth.milestone;

/** The countable steps of docs/design.md ("One milestone record drives the figures"). */
public enum MilestoneType {
    REFERRAL_RECEIVED("Referral received"),
    /** The first contact attempt, decision or route; attribute {@code on_time}: by the response due time or not. */
    REFERRAL_RESPONDED("Referral responded to"),
    REFERRAL_ACCEPTED("Referral accepted"),
    ENGAGEMENT("Engagement"),
    ACTION_PLAN_AGREED("Action plan agreed"),
    JOB_START("Job start"),
    JOB_RETENTION("Job retention"),
    MEASURE_IMPROVED("Measure improved"),
    EXIT("Exit"),
    EDUCATION_START("Education or training start"), VOLUNTEERING_START("Volunteering start"), SUSTAINMENT_13_WEEKS("In work 13 weeks after a job start"), SUSTAINMENT_26_WEEKS("In work 26 weeks after a job start"), REOPENED("Case reopened");

    private final String label;

    MilestoneType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
