package org.workhealth.employer.assessment;

/** Where an employer is with one criterion, as its task list shows it. */
public enum CriterionStatus {
    NOT_STARTED("Not started"),
    IN_PROGRESS("In progress"),
    READY("Ready for assessment"),
    MET("Met"),
    MORE_NEEDED("More needed");

    private final String label;

    CriterionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
