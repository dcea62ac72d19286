package org.workhealth.programme;

/** The kind of support a programme gives, which decides the journeys and figures it has. */
public enum SupportType {
    INTENSIVE_IPS("Intensive (Individual Placement and Support)"),
    LOW_INTENSITY("Low-intensity early support"),
    EMPLOYER_ACCREDITATION("Employer accreditation"),
    FIGURES_ONLY("Figures entered by hand");

    private final String label;

    SupportType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
