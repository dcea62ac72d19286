package org.workhealth.evaluation;

/** How dates leave in an extract: as recorded, moved by a per-person offset, or cut to the month. */
enum DateHandling {
    EXACT("Exact dates"),
    SHIFTED("Shifted by a random offset per person, the same for all of their dates"),
    MONTH("Coarsened to the month (YYYY-MM)");

    private final String label;

    DateHandling(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
