package org.workhealth.calendar;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;

/**
 * The dates of the bank holidays at one moment: an immutable value, so that one calculation sees
 * one consistent set even if an administrator changes the list meanwhile, and so that unit tests
 * can give {@link WorkingDays} holidays without a database.
 */
record BankHolidayCalendar(Set<LocalDate> dates) {

    static final BankHolidayCalendar NONE = new BankHolidayCalendar(Set.of());

    BankHolidayCalendar {
        dates = Set.copyOf(dates);
    }

    static BankHolidayCalendar of(Collection<LocalDate> dates) {
        return new BankHolidayCalendar(Set.copyOf(dates));
    }

    static BankHolidayCalendar of(LocalDate... dates) {
        return new BankHolidayCalendar(Set.of(dates));
    }

    boolean isBankHoliday(LocalDate date) {
        return dates.contains(date);
    }
}
