package org.workhealth.retention;

import java.time.Instant;

/**
 * Implemented by the module that owns a kind of record, so that the SQL naming its tables stays in that module.
 * The nightly job calls each step with the moment before which its records are due.
 */
public interface RetentionStep {

    RetentionKind kind();

    /**
     * Erases every record of this kind whose clock started before {@code cutoff}, in set-based batches.
     * Idempotent: a record already erased is not counted again.
     */
    Erased eraseDue(Instant cutoff);

    /** A step from the kind and the function that erases what is due before a cutoff. */
    static RetentionStep of(RetentionKind kind, java.util.function.Function<Instant, Erased> eraseDue) {
        return new RetentionStep() {
            @Override
            public RetentionKind kind() {
                return kind;
            }

            @Override
            public Erased eraseDue(Instant cutoff) {
                return eraseDue.apply(cutoff);
            }
        };
    }

    /**
     * Runs {@code oneBatch} (which erases at most {@code batchSize} records, in a transaction of its own, and says
     * how many) until a batch comes back short.
     *
     * @return how many were erased in all
     */
    static int inBatches(int batchSize, java.util.function.IntSupplier oneBatch) {
        int total = 0;
        int erased;
        do {
            erased = oneBatch.getAsInt();
            total += erased;
        } while (erased == batchSize);
        return total;
    }

    /** How many records were erased, and how many were due but held back (by a legal hold). */
    record Erased(int erased, int heldBack) {
    }
}
