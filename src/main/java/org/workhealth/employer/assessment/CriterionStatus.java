package org.workhealth.employer.assessment;

/** Where an employer is with one criterion, as its task list shows it. */
public enum CriterionStatus {
    NOT_STARTED("Not started", "govuk-tag--grey"),
    IN_PROGRESS("In progress", "govuk-tag--light-blue"),
    READY("Ready for assessment", "govuk-tag--blue"),
    MET("Met", "govuk-tag--green"),
    MORE_NEEDED("More needed", "govuk-tag--orange");

    private final String label;
    private final String tagClass;

    CriterionStatus(String label, String tagClass) {
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
