package org.workhealth.casework;

import java.time.Instant;

/** One saved version of a case's work and health assessment. */
record Assessment(long id, long caseId, int version, Status status, AssessmentAnswers answers, long savedBy,
        String savedByName, Instant savedAt) {

    enum Status {
        DRAFT("Draft", "govuk-tag--yellow"), COMPLETED("Completed", "govuk-tag--green");

        private final String label;
        private final String tagClass;

        Status(String label, String tagClass) {
            this.label = label;
            this.tagClass = tagClass;
        }

        public String label() {
            return label;
        }

        public String tagClass() {
            return tagClass;
        }
    }

    public boolean completed() {
        return status == Status.COMPLETED;
    }
}
