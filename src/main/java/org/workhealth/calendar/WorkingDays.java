package org.workhealth.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Working days in England and Wales: Monday to Friday, except the bank holidays an administrator
 * keeps at /admin/bank-holidays. All times are UK time (Europe/London), so a deadline stays at
 * 17:00 on the clock on the office wall through the changes between GMT and BST.
 *
 * <h2>Counting days</h2>
 * {@link #addWorkingDays(LocalDate, int) addWorkingDays(d, n)} is the n-th working day after d;
 * d itself never counts, whether or not it is a working day. {@link #workingDaysBetween} is its
 * inverse: {@code workingDaysBetween(d, addWorkingDays(d, n)) == n}.
 *
 * <h2>The response clock for referrals</h2>
 * {@link #responseDue(Instant, int) responseDue(receivedAt, n)} applies this rule, in UK time:
 * <ol>
 * <li>The <em>start day</em> is the day the referral was received if that is a working day and it
 * arrived before 17:00 (16:59:59.999 is before; 17:00:00 exactly is not).</li>
 * <li>Otherwise (received at or after 17:00, or on a Saturday, Sunday or bank holiday) the start day
 * is the next working day.</li>
 * <li>The response is due by 17:00 UK time, the end of the working day, on the n-th working day after
 * the start day: {@code addWorkingDays(startDay, n)} at 17:00. The start day is day 0, so with n = 0
 * the response is due at 17:00 on the start day itself.</li>
 * </ol>
 * For example, with n = 2: received Monday 10:00, due Wednesday 17:00; received Monday 17:30, due
 * Thursday 17:00; received Saturday, due Wednesday 17:00. Received Wednesday 24 December 2025 at 16:00,
 * due Tuesday 30 December 2025 at 17:00 (Christmas Day, Boxing Day and the weekend skipped); at 17:30
 * the same day, due Wednesday 31 December 2025 at 17:00.
 */
@Service
public class WorkingDays {

    /** The end of the working day, UK time: work received at or after it counts from the next working day. */
    public static final LocalTime END_OF_WORKING_DAY = LocalTime.of(17, 0);

    private static final ZoneId UK = CalendarConfiguration.LONDON;

    private final Supplier<BankHolidayCalendar> holidays;

    @Autowired
    WorkingDays(BankHolidays bankHolidays) {
        this.holidays = bankHolidays::calendar;
    }

    /** For unit tests: fixed bank holidays, no database. */
    WorkingDays(BankHolidayCalendar holidays) {
        this.holidays = () -> holidays;
    }

    /** Working days with a fixed list of bank holidays, for other modules' unit tests. */
    public static WorkingDays withBankHolidays(Collection<LocalDate> bankHolidays) {
        return new WorkingDays(BankHolidayCalendar.of(bankHolidays));
    }

    public boolean isWorkingDay(LocalDate date) {
        return isWorkingDay(date, holidays.get());
    }

    /**
     * The n-th working day after {@code from} (before it, when n is negative). With n = 0 it is
     * {@code from} itself, working day or not.
     */
    public LocalDate addWorkingDays(LocalDate from, int days) {
        return addWorkingDays(from, days, holidays.get());
    }

    /**
     * How many working days lie after {@code a} up to and including {@code b}; when {@code b} is
     * before {@code a}, minus the number from {@code b} up to but not including {@code a}. So 0 when
     * the dates are equal, and 1 from a Friday to the following Monday when neither is a bank holiday.
     */
    public int workingDaysBetween(LocalDate a, LocalDate b) {
        BankHolidayCalendar calendar = holidays.get();
        if (b.isBefore(a)) {
            return -count(b, a.minusDays(1), calendar);
        }
        return count(a.plusDays(1), b, calendar);
    }

    /**
     * When a response to a referral received at {@code receivedAt} is due, allowing
     * {@code workingDays} working days: the rule in the class description.
     */
    public Instant responseDue(Instant receivedAt, int workingDays) {
        LocalDateTime due = responseDue(LocalDateTime.ofInstant(receivedAt, UK), workingDays);
        // 17:00 never falls in the hour the clocks skip or repeat, so the UK time maps to one instant.
        return due.atZone(UK).toInstant();
    }

    /** The same rule for a UK local date and time, giving a UK local date and time. */
    public LocalDateTime responseDue(LocalDateTime receivedAt, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("Working days allowed must not be negative: " + workingDays);
        }
        BankHolidayCalendar calendar = holidays.get();
        LocalDate received = receivedAt.toLocalDate();
        boolean countsToday = isWorkingDay(received, calendar) && receivedAt.toLocalTime().isBefore(END_OF_WORKING_DAY);
        LocalDate start = countsToday ? received : addWorkingDays(received, 1, calendar);
        return addWorkingDays(start, workingDays, calendar).atTime(END_OF_WORKING_DAY);
    }

    private static boolean isWorkingDay(LocalDate date, BankHolidayCalendar calendar) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !calendar.isBankHoliday(date);
    }

    private static LocalDate addWorkingDays(LocalDate from, int days, BankHolidayCalendar calendar) {
        int step = days < 0 ? -1 : 1;
        LocalDate date = from;
        for (int left = Math.abs(days); left > 0; ) {
            date = date.plusDays(step);
            if (isWorkingDay(date, calendar)) {
                left--;
            }
        }
        return date;
    }

    /** Working days from {@code first} to {@code last}, both included. */
    private static int count(LocalDate first, LocalDate last, BankHolidayCalendar calendar) {
        int count = 0;
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            if (isWorkingDay(date, calendar)) {
                count++;
            }
        }
        return count;
    }
}
