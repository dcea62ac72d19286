package org.workhealth.referral.internal;

/** How the person would like to be contacted. */
public enum ContactPreference {
    PHONE("Phone call"),
    EMAIL("Email"),
    TEXT("Text message"),
    LETTER("Letter");

    private final String label;

    ContactPreference(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
