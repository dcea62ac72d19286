package org.workhealth.trial.internal;


/** Why a unit stopped taking part in the intervention: the codes {@code trial_drop_out} accepts. */
public enum DropOutReason {
    NO_LONGER_WISHES("No longer wishes to take part"),
    NOT_CONTACTABLE("Cannot be contacted"),
    CEASED_TRADING("Ceased trading"),
    CONDITIONS_NOT_MET("Conditions not met"),
    MOVED_AWAY("Moved away"),
    HEALTH("Health"),
    OTHER("Other");

    private final String label;

    DropOutReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
