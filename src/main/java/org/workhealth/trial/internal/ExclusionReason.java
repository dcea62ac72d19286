package org.workhealth.trial.internal;


/** Why a unit assessed at the randomisation point was not randomised (the CONSORT "excluded" box). */
public enum ExclusionReason {
    NOT_ELIGIBLE("Did not meet the eligibility criteria"),
    DECLINED("Declined to take part"),
    OTHER("Other reason");

    private final String label;

    ExclusionReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
