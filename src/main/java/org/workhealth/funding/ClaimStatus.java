package org.workhealth.funding;

/** Where a quarter's claim stands. A draft is worked out afresh each time and is not stored. */
public enum ClaimStatus {
    DRAFT("Not submitted", "govuk-tag--grey"),
    SUBMITTED("Submitted", "govuk-tag--blue"),
    RETURNED("Returned", "govuk-tag--red"),
    APPROVED("Approved", "govuk-tag--green");

    private final String label;
    private final String tagClass;

    ClaimStatus(String label, String tagClass) {
        this.label = label;
        this.tagClass = tagClass;
    }

    public String label() {
        return label;
    }

    public String tagClass() {
        return tagClass;
    }

    /** Counted as claimed: its lines are no longer open to change. */
    public boolean claimed() {
        return this == SUBMITTED || this == APPROVED;
    }
}
