package org.workhealth.referral;

/** Where a referral has got to, as referrers see it. */
public enum ReferralStatus {
    RECEIVED("Received", "govuk-tag--blue"),
    IN_TRIAGE("In triage", "govuk-tag--light-blue"),
    ACCEPTED("Accepted", "govuk-tag--green"),
    ROUTED("Passed to another service", "govuk-tag--purple"),
    SIGNPOSTED("Signposted", "govuk-tag--turquoise"),
    DECLINED("Declined", "govuk-tag--grey"),
    UNABLE_TO_CONTACT("Unable to contact", "govuk-tag--orange"),
    /** Randomised to a trial's control arm: no case is opened on the programme (docs/trials.md, "The control arm"). */
    TRIAL_CONTROL("Allocated to the control arm", "govuk-tag--yellow");

    private final String label;
    private final String tagClass;

    ReferralStatus(String label, String tagClass) {
        this.label = label;
        this.tagClass = tagClass;
    }

    public String label() {
        return label;
    }

    public String tagClass() {
        return tagClass;
    }

    /** Still waiting for a triage decision. */
    public boolean open() {
        return this == RECEIVED || this == IN_TRIAGE;
    }
}
