package org.workhealth.employer.engagement;

/** What kind of engagement an advisor held. */
enum EngagementKind {
    EVENT("Event"), WORKSHOP("Workshop"), WEBINAR("Webinar"), TRAINING("Training"), ONE_TO_ONE("One-to-one session");

    private final String label;

    EngagementKind(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
