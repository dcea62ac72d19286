package org.workhealth.referral;

/** The kinds of code an area is defined by; the most specific match wins. */
public enum AreaKind {
    GP_PRACTICE("GP practice code"),
    POSTCODE_DISTRICT("Postcode district"),
    LOCAL_AUTHORITY("Local authority code");

    private final String label;

    AreaKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
