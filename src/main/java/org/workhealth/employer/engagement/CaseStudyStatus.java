package org.workhealth.employer.engagement;

/** Where a case study is: written, approved for publishing with the employer's consent, published. */
enum CaseStudyStatus {
    DRAFT("Draft"), APPROVED("Approved"), PUBLISHED("Published");

    private final String label;

    CaseStudyStatus(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** Approving needs a draft; the employer's consent to publish is recorded with it. */
    CaseStudyStatus approve() {
        if (this != DRAFT) {
            throw new IllegalStateException("Only a draft case study can be approved, not one " + label.toLowerCase());
        }
        return APPROVED;
    }

    /** Publishing needs an approved case study. */
    CaseStudyStatus publish() {
        if (this != APPROVED) {
            throw new IllegalStateException("Only an approved case study can be published, not one "
                    + label.toLowerCase());
        }
        return PUBLISHED;
    }

    boolean editable() {
        return this == DRAFT;
    }
}
