package org.workhealth.employer.framework;

/** A draft is being edited and nobody starts on it; a published version is used by employers and never edited. */
public enum VersionStatus {
    DRAFT("Draft"),
    PUBLISHED("Published");

    private final String label;

    VersionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
