package org.workhealth.employer.assessment;

/** Where an employer is with a level or a module, as the overview's task lists show it. */
public enum ScopeStatus {
    AWARDED("Awarded"),
    COMPLETED("Completed"),
    WAITING("Waiting for assessment"),
    ALL_MET("All criteria met"),
    READY_TO_SEND("Ready to send"),
    MORE_NEEDED("More needed"),
    NOT_STARTED("Not started"),
    IN_PROGRESS("In progress");

    private final String label;

    ScopeStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
