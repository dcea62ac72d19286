package org.workhealth.casework;

/** The kind of contract a job start is on. */
enum JobContractType {
    PERMANENT("Permanent"),
    FIXED_TERM("Fixed term"),
    TEMPORARY("Temporary"),
    ZERO_HOURS("Zero hours"),
    SELF_EMPLOYED("Self-employed"),
    APPRENTICESHIP("Apprenticeship");

    private final String label;

    JobContractType(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
