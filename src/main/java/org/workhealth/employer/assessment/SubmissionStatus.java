package org.workhealth.employer.assessment;

/** A round of assessment: waiting for the assessor, returned with more needed, or every criterion met. */
enum SubmissionStatus {
    SUBMITTED("Waiting for assessment"),
    MORE_NEEDED("More needed"),
    MET("All criteria met");

    private final String label;

    SubmissionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
