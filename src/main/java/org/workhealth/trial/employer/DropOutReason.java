package org.workhealth.trial.employer;

/** Why an SME stopped taking part: the codes trial_drop_out accepts that apply to an employer. */
public enum DropOutReason {
    CEASED_TRADING("Ceased trading"),
    CONDITIONS_NOT_MET("Did not meet the grant's conditions"),
    NO_LONGER_WISHES("No longer wishes to take part"),
    NOT_CONTACTABLE("Cannot be contacted"),
    OTHER("Another reason");

    private final String label;

    DropOutReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
