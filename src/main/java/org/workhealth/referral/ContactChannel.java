package org.workhealth.referral;

/** How a practitioner tried to reach the person at first contact. */
enum ContactChannel {
    PHONE("Phone call"),
    TEXT("Text message"),
    EMAIL("Email"),
    LETTER("Letter"),
    IN_PERSON("In person");

    private final String label;

    ContactChannel(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
