package org.workhealth.casework;

/** Who carries out an action on the plan. */
enum ActionOwner {
    PARTICIPANT("The person"),
    PRACTITIONER("Practitioner"),
    EMPLOYER("Employer"),
    OTHER_SERVICE("Another service");

    private final String label;

    ActionOwner(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
