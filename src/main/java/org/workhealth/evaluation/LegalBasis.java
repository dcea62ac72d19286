package org.workhealth.evaluation;

/** The UK GDPR Article 6 basis the agreement relies on (Article 9(2)(j) research conditions sit with the last). */
enum LegalBasis {
    PUBLIC_TASK("Public task (Article 6(1)(e))"),
    LEGITIMATE_INTERESTS("Legitimate interests (Article 6(1)(f))"),
    CONSENT("Consent (Article 6(1)(a))"),
    RESEARCH_ARCHIVING("Public task with the research condition (Articles 6(1)(e) and 9(2)(j))");

    private final String label;

    LegalBasis(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
