package org.workhealth.casework;

/** How the person agreed their plan. */
enum AgreedHow {
    IN_PERSON("In person"),
    PHONE("By phone"),
    VIDEO("By video call"),
    IN_WRITING("In writing");

    private final String label;

    AgreedHow(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
