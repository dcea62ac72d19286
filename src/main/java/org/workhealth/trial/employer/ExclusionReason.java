package org.workhealth.trial.employer;

/** Why an SME assessed for the trial was not randomised (the CONSORT "excluded" box): trial_exclusion's codes. */
public enum ExclusionReason {
    NOT_ELIGIBLE("Does not meet the eligibility criteria"),
    DECLINED("Declined to take part"),
    OTHER("Another reason");

    private final String label;

    ExclusionReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
