package org.workhealth.employer.assessment;

import java.util.Arrays;
import java.util.List;

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

    /** The assessor's decision on a round: met when every criterion is, otherwise more needed. */
    static SubmissionStatus decided(boolean everyCriterionMet) {
        return everyCriterionMet ? MET : MORE_NEEDED;
    }

    /** A round is decided once, from waiting for assessment; a decided round starts a new round, never changes. */
    boolean canBecome(SubmissionStatus next) {
        return this == SUBMITTED && next != SUBMITTED;
    }

    /** The statuses a round may be in to become {@code next}: the guard of the conditional update. */
    static List<String> fromWhichToBecome(SubmissionStatus next) {
        return Arrays.stream(values()).filter(s -> s.canBecome(next)).map(Enum::name).toList();
    }
}
