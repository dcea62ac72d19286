package org.workhealth.employer.pilot;

/** What kind of session a pilot delivered. */
public enum SessionKind {
    WORKSHOP("Workshop"), WEBINAR("Webinar"), ONE_TO_ONE("One-to-one"), TRAINING("Training"), EVENT("Event");

    private final String label;

    SessionKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
