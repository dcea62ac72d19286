package org.workhealth.performance.internal;

/** A cell's rating against its forecast, always given in words as well as colour. */
public enum Rag {
    GREEN("Green", "On or above forecast", "govuk-tag--green"),
    AMBER("Amber", "Slightly below forecast", "govuk-tag--yellow"),
    RED("Red", "Below forecast", "govuk-tag--red"),
    /** No forecast, or the quarter has not finished. */
    NONE("Not rated", "Not rated", "govuk-tag--grey");

    private final String label;
    private final String meaning;
    private final String tagClass;

    Rag(String label, String meaning, String tagClass) {
        this.label = label;
        this.meaning = meaning;
        this.tagClass = tagClass;
    }

    public String label() {
        return label;
    }

    public String meaning() {
        return meaning;
    }

    public String tagClass() {
        return tagClass;
    }
}
