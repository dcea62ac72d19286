package org.workhealth.casework;

import java.time.Instant;

/** One saved version of a case's work and health assessment. */
record Assessment(long id, long caseId, int version, Status status, AssessmentAnswers answers, long savedBy,
        String savedByName, Instant savedAt) {

    enum Status {
        DRAFT("Draft"), COMPLETED("Completed");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public boolean completed() {
        return status == Status.COMPLETED;
    }
}
