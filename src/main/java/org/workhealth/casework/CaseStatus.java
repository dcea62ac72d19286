package org.workhealth.casework;

/** Whether a case is still being worked. */
public enum CaseStatus {
    OPEN("Open", "govuk-tag--green"),
    CLOSED("Closed", "govuk-tag--grey");

    private final String label;
    private final String tagClass;

    CaseStatus(String label, String tagClass) {
        this.label = label;
        this.tagClass = tagClass;
    }

    public String label() {
        return label;
    }

    public String tagClass() {
        return tagClass;
    }
}
