package org.workhealth.casework;

/** How far an action on the plan has got. */
enum ActionStatus {
    NOT_STARTED("Not started", "govuk-tag--grey"),
    IN_PROGRESS("In progress", "govuk-tag--blue"),
    DONE("Done", "govuk-tag--green");

    private final String label;
    private final String tagClass;

    ActionStatus(String label, String tagClass) {
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
