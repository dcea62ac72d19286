package org.workhealth.trial.employer;

/** Where an SME's grant instalment stands. Paid and withheld are final. */
public enum InstalmentStatus {
    DUE("Due"),
    CONDITION_MET("Condition met"),
    PAID("Paid"),
    WITHHELD("Withheld");

    private final String label;

    InstalmentStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
