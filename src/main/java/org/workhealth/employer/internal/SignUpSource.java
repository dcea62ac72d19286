package org.workhealth.employer.internal;

/** Where a sign-up came from. */
public enum SignUpSource {
    SELF_SIGN_UP("Signed up on the public form"),
    ADVISOR("Signed up by an advisor"),
    DIAGNOSTIC("Referred from a business diagnostic");

    private final String label;

    SignUpSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
