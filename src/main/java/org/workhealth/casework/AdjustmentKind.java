package org.workhealth.casework;

/** Workplace adjustments, as the fit note names them. */
enum AdjustmentKind {
    PHASED_RETURN("Phased return to work"),
    ALTERED_HOURS("Altered hours"),
    AMENDED_DUTIES("Amended duties"),
    WORKPLACE_ADAPTATIONS("Workplace adaptations");

    private final String label;

    AdjustmentKind(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
