package org.workhealth.performance.internal;

/** A cell's rating against its forecast, always given in words as well as colour (performance/rag.html). */
public enum Rag {
    GREEN("Green", "On or above forecast"),
    AMBER("Amber", "Slightly below forecast"),
    RED("Red", "Below forecast"),
    /** No forecast, or the quarter has not finished. */
    NONE("Not rated", "Not rated");

    private final String label;
    private final String meaning;

    Rag(String label, String meaning) {
        this.label = label;
        this.meaning = meaning;
    }

    public String label() {
        return label;
    }

    public String meaning() {
        return meaning;
    }
}
