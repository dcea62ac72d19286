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

    /**
     * The caseload cap a new programme of this type starts with: IPS fidelity keeps caseloads at 20 open cases
     * per full-time key worker so that each person gets intensive support; other types have none. The cap then
     * belongs to the programme ({@link Programme#caseloadCap()}).
     */
    public Integer defaultCaseloadCap() {
        return this == INTENSIVE_IPS ? 20 : null;
    }
}
