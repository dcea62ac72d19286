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
    EDUCATION_START("Education or training start"), VOLUNTEERING_START("Volunteering start"), SUSTAINMENT_13_WEEKS("In work 13 weeks after a job start"), SUSTAINMENT_26_WEEKS("In work 26 weeks after a job start"), REOPENED("Case reopened"),
    /*
     * Thrive at Work: milestones of employers, not of people. They have no case and no referral (case_id null), so
     * they never reach milestone_first, the referral funnel, claims, returns or case erasure, which all start from a
     * case or a referral; the organisation is the hub that runs the programme for the employer.
     */
    /** An employer's sign-up, confirmed by an advisor; attributes {@code employer}, {@code source}. */
    EMPLOYER_SIGNED_UP("Employer signed up"),
    /** An award of a level; attributes {@code employer}, {@code level}, {@code award}. */
    EMPLOYER_ACCREDITED("Employer accredited"),
    /**
     * An engagement (event, workshop, webinar, training, 1-to-1) held with one or more employers. One milestone per
     * engagement, however many attended: attribute {@code attendees} is how many people came, and a KPI counting
     * attendees sums it ({@link MilestoneCountQuery#sumQuantity()}).
     */
    EMPLOYER_ENGAGEMENT("Employer engagement", "attendees"),
    /** A case study published with the employer's consent; attributes {@code employer}, {@code case_study}. */
    CASE_STUDY_PUBLISHED("Case study published");

    /** The largest quantity one milestone may carry: far above any event's attendance, and safe to sum. */
    public static final int MAX_QUANTITY = 1_000_000;

    private final String label;
    private final String quantityAttribute;

    MilestoneType(String label) {
        this(label, null);
    }

    MilestoneType(String label, String quantityAttribute) {
        this.label = label;
        this.quantityAttribute = quantityAttribute;
    }

    public String label() {
        return label;
    }

    /**
     * The attribute holding how many this one milestone stands for (a whole number, 0 to {@link #MAX_QUANTITY}),
     * for types recorded once for many people, such as an engagement's attendees; null when each milestone is one.
     */
    public String quantityAttribute() {
        return quantityAttribute;
    }

    /** Whether a KPI may sum this type's quantity rather than count its milestones. */
    public boolean hasQuantity() {
        return quantityAttribute != null;
    }
}
