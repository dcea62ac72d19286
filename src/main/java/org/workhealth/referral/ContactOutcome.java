package org.workhealth.referral;

/** What came of a contact attempt. Failed attempts count towards closing a referral as unable to contact. */
enum ContactOutcome {
    NO_ANSWER("No answer", true),
    LEFT_MESSAGE("Left a message", true),
    WANTS_SUPPORT("Spoke to them – they want support", false),
    DOES_NOT_WANT_SUPPORT("Spoke to them – they do not want support", false),
    WRONG_NUMBER("Wrong number or address", true);

    private final String label;
    private final boolean failed;

    ContactOutcome(String label, boolean failed) {
        this.label = label;
        this.failed = failed;
    }

    String label() {
        return label;
    }

    /** The person was not reached. */
    boolean failed() {
        return failed;
    }
}
