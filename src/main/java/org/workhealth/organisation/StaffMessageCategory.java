package org.workhealth.organisation;

/**
 * The messages to staff that they may choose not to get, on their account page. Messages a person must act on (a
 * return or claim submitted to them to approve, returned to them or approved) have no category: nobody can refuse
 * them.
 */
public enum StaffMessageCategory {
    OVERDUE_REFERRALS("Referrals nearing or past their deadline",
            "A daily email to provider managers when referrals they triage are due by the next working day or overdue",
            Role.PROVIDER_MANAGER),
    PRACTITIONER_DIGEST("Your overdue reviews and sustainment checks",
            "A daily email to practitioners listing their cases with a review or sustainment check overdue",
            Role.PRACTITIONER),
    DUE_REMINDERS("Returns and claims due soon",
            "An email to provider managers a few working days before a quarter's return or claim is due",
            Role.PROVIDER_MANAGER);

    private final String label;
    private final String hint;
    private final Role forRole;

    StaffMessageCategory(String label, String hint, Role forRole) {
        this.label = label;
        this.hint = hint;
        this.forRole = forRole;
    }

    public String label() {
        return label;
    }

    public String hint() {
        return hint;
    }

    /** The role whose holders get these messages: the account page offers only a person's own. */
    public Role forRole() {
        return forRole;
    }
}
