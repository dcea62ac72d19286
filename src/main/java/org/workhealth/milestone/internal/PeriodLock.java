package org.workhealth.milestone.internal;

import java.time.LocalDate;

/** A lock on the milestone record: no milestone dated from..to under these contracts may be recorded or corrected. */
public record PeriodLock(long id, LocalDate from, LocalDate to, String why) {
}
