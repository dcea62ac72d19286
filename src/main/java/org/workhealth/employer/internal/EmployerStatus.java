package org.workhealth.employer.internal;

/** Where a sign-up stands: waiting for an advisor, confirmed (the employer takes part), or declined. */
public enum EmployerStatus {
    PENDING("Waiting for confirmation"),
    CONFIRMED("Confirmed"),
    DECLINED("Declined");

    private final String label;

    EmployerStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Only a pending sign-up is confirmed or declined; a decision is not taken back here. */
    public boolean mayBecome(EmployerStatus next) {
        return this == PENDING && next != PENDING;
    }
}
