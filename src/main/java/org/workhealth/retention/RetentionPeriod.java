package org.workhealth.retention;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/** How long one kind of record is kept, and why. */
record RetentionPeriod(RetentionKind kind, int value, ChronoUnit unit, String basis, Instant updatedAt,
        String updatedBy) {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** Records whose clock started before this moment are due for erasure at {@code now}. */
    Instant cutoff(Instant now) {
        return now.atZone(LONDON).minus(value, unit).toInstant();
    }

    String text() {
        String word = switch (unit) {
            case DAYS -> value == 1 ? "day" : "days";
            case MONTHS -> value == 1 ? "month" : "months";
            default -> value == 1 ? "year" : "years";
        };
        return value + " " + word + " " + kind.clockStarts();
    }
}
