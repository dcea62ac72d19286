package org.workhealth.milestone;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.workhealth.milestone.internal.PeriodLock;

/**
 * Thrown instead of recording or correcting a milestone in a locked period. The message is written for the person
 * who asked, since forms show it as it is: what they cannot do, which period is locked and why, and that the hub can
 * unlock it.
 */
public class PeriodLockedException extends RuntimeException {

    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMMM", Locale.UK);
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final PeriodLock lock;

    /**
     * @param on       the date of the milestone refused
     * @param original whether that milestone is the one being corrected rather than the new one
     */
    PeriodLockedException(PeriodLock lock, LocalDate on, boolean original) {
        super(message(lock, on, original));
        this.lock = lock;
    }

    public PeriodLock lock() {
        return lock;
    }

    private static String message(PeriodLock lock, LocalDate on, boolean original) {
        String refused = original
                ? "You cannot correct this: it is dated " + on.format(FULL) + ", and"
                : "You cannot record this on " + on.format(FULL) + ":";
        return refused + " " + period(lock.from(), lock.to()) + " locked (" + lock.why().strip()
                + "). Ask the hub to unlock it.";
    }

    /** "the period 1 April to 30 June 2026 is", "the period 1 January 2026 to 31 March 2027 is", "2 May 2026 is". */
    private static String period(LocalDate from, LocalDate to) {
        if (from.equals(to)) {
            return from.format(FULL) + " is";
        }
        String start = from.getYear() == to.getYear() ? from.format(DAY_MONTH) : from.format(FULL);
        return "the period " + start + " to " + to.format(FULL) + " is";
    }
}
