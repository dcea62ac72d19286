package org.workhealth.employer.internal;

/** Where a sign-up stands: waiting for an advisor, confirmed (the employer takes part), or declined. */
public enum EmployerStatus {
    PENDING("Waiting for confirmation", "govuk-tag--yellow"),
    CONFIRMED("Confirmed", "govuk-tag--green"),
    DECLINED("Declined", "govuk-tag--grey");

    private final String label;
    private final String tagClass;

    EmployerStatus(String label, String tagClass) {
        this.label = label;
        this.tagClass = tagClass;
    }

    public String label() {
        return label;
    }

    public String tagClass() {
        return tagClass;
    }

    /** Only a pending sign-up is confirmed or declined; a decision is not taken back here. */
    public boolean mayBecome(EmployerStatus next) {
        return this == PENDING && next != PENDING;
    }
}
