package org.workhealth.retention;

import java.time.Instant;
import java.util.List;

/** One run of erasure and what it did for each kind of record. */
record RetentionRun(long id, Trigger trigger, Instant startedAt, Instant finishedAt, String startedBy,
        Long organisationId, String subjectReference, String reason, List<Count> counts) {

    enum Trigger {
        SCHEDULED("Nightly"), BY_HAND("Started by hand"), ON_REQUEST("On request");

        private final String label;

        Trigger(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    record Count(RetentionKind kind, Instant cutoff, int erased, int heldBack) {
    }

    int erased() {
        return counts.stream().mapToInt(Count::erased).sum();
    }

    int heldBack() {
        return counts.stream().mapToInt(Count::heldBack).sum();
    }
}
