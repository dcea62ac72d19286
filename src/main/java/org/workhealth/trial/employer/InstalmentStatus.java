package org.workhealth.trial.employer;

/** Where an SME's grant instalment stands. Paid and withheld are final. */
public enum InstalmentStatus {
    DUE("Due", "govuk-tag--grey"),
    CONDITION_MET("Condition met", "govuk-tag--blue"),
    PAID("Paid", "govuk-tag--green"),
    WITHHELD("Withheld", "govuk-tag--red");

    private final String label;
    private final String tagClass;

    InstalmentStatus(String label, String tagClass) {
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
