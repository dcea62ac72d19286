package org.workhealth.casework;

import java.util.Set;

/** The two plans of the WorkWell process, chosen by whether the person was in work when referred. */
enum PlanType {
    BACK_TO_WORK("Back to Work plan"),
    THRIVE_IN_WORK("Thrive in Work plan");

    /** The referral's employment statuses that mean the person has a job (even when off sick from it). */
    private static final Set<String> IN_WORK = Set.of("EMPLOYED", "SELF_EMPLOYED", "OFF_SICK");

    private final String label;

    PlanType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static boolean inWork(String employmentStatusAtReferral) {
        return IN_WORK.contains(employmentStatusAtReferral);
    }

    static PlanType forCase(SupportCase supportCase) {
        return inWork(supportCase.employmentStatusAtReferral()) ? THRIVE_IN_WORK : BACK_TO_WORK;
    }
}
