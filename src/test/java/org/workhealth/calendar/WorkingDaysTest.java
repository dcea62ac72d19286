package org.workhealth.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Working days and the referral response clock, with the England and Wales bank holidays shipped with
 * the service held in memory (no database).
 */
class WorkingDaysTest {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final WorkingDays days = new WorkingDays(shippedHolidays());

    private static BankHolidayCalendar shippedHolidays() {
        try {
            return BankHolidayCalendar.of(BankHolidayLoader.shipped().stream().map(BankHoliday::date).toList());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- working days ---

    @Test
    void weekdaysAreWorkingDaysButWeekendsAndBankHolidaysAreNot() {
        assertThat(days.isWorkingDay(date("2025-12-24"))).as("Wednesday").isTrue();
        assertThat(days.isWorkingDay(date("2025-12-25"))).as("Christmas Day").isFalse();
        assertThat(days.isWorkingDay(date("2025-12-26"))).as("Boxing Day").isFalse();
        assertThat(days.isWorkingDay(date("2025-12-27"))).as("Saturday").isFalse();
        assertThat(days.isWorkingDay(date("2025-12-28"))).as("Sunday").isFalse();
        assertThat(days.isWorkingDay(date("2025-12-29"))).as("Monday").isTrue();
    }

    @Test
    void substituteDaysAreNotWorkingDays() {
        assertThat(days.isWorkingDay(date("2021-12-27"))).isFalse();
        assertThat(days.isWorkingDay(date("2021-12-28"))).isFalse();
        assertThat(days.isWorkingDay(date("2022-01-03"))).isFalse();
        assertThat(days.isWorkingDay(date("2026-12-28"))).isFalse();
    }

    @Test
    void addingWorkingDaysSkipsWeekends() {
        assertThat(days.addWorkingDays(date("2025-06-06"), 1)).as("Friday + 1").isEqualTo(date("2025-06-09"));
        assertThat(days.addWorkingDays(date("2025-06-07"), 1)).as("Saturday + 1").isEqualTo(date("2025-06-09"));
        assertThat(days.addWorkingDays(date("2025-06-02"), 5)).as("Monday + 5").isEqualTo(date("2025-06-09"));
        assertThat(days.addWorkingDays(date("2025-06-07"), 0)).as("+ 0 is the day itself").isEqualTo(date("2025-06-07"));
    }

    @Test
    void addingWorkingDaysSkipsChristmasAndNewYear() {
        assertThat(days.addWorkingDays(date("2025-12-24"), 1)).isEqualTo(date("2025-12-29"));
        assertThat(days.addWorkingDays(date("2025-12-31"), 1)).isEqualTo(date("2026-01-02"));
        assertThat(days.addWorkingDays(date("2025-12-24"), 4)).isEqualTo(date("2026-01-02"));
    }

    @Test
    void addingWorkingDaysSkipsEaster2025() {
        // Good Friday 18 April, Easter Monday 21 April.
        assertThat(days.addWorkingDays(date("2025-04-17"), 1)).isEqualTo(date("2025-04-22"));
        assertThat(days.addWorkingDays(date("2025-04-22"), -1)).isEqualTo(date("2025-04-17"));
    }

    @Test
    void addingWorkingDaysSkipsTheSummerBankHoliday() {
        assertThat(days.addWorkingDays(date("2025-08-22"), 1)).isEqualTo(date("2025-08-26"));
    }

    @Test
    void countsWorkingDaysAfterTheFirstDateUpToAndIncludingTheSecond() {
        assertThat(days.workingDaysBetween(date("2025-06-06"), date("2025-06-06"))).isZero();
        assertThat(days.workingDaysBetween(date("2025-06-06"), date("2025-06-09"))).as("Friday to Monday").isEqualTo(1);
        assertThat(days.workingDaysBetween(date("2025-06-02"), date("2025-06-06"))).as("Monday to Friday").isEqualTo(4);
        assertThat(days.workingDaysBetween(date("2025-06-09"), date("2025-06-06"))).as("backwards").isEqualTo(-1);
        assertThat(days.workingDaysBetween(date("2025-12-24"), date("2026-01-02"))).isEqualTo(4);
        assertThat(days.workingDaysBetween(date("2025-04-17"), date("2025-04-22"))).isEqualTo(1);
    }

    @Test
    void countingIsTheInverseOfAdding() {
        for (LocalDate from = date("2025-12-01"); from.isBefore(date("2026-01-15")); from = from.plusDays(1)) {
            for (int n = -12; n <= 12; n++) {
                LocalDate to = days.addWorkingDays(from, n);
                assertThat(days.workingDaysBetween(from, to)).as("%s %+d", from, n).isEqualTo(n);
            }
        }
    }

    @Test
    void otherModulesCanMakeWorkingDaysWithTheirOwnHolidays() {
        WorkingDays fixed = WorkingDays.withBankHolidays(List.of(date("2030-06-03")));

        assertThat(fixed.isWorkingDay(date("2030-06-03"))).isFalse();
        assertThat(fixed.isWorkingDay(date("2025-12-25"))).as("not in its list").isTrue();
        assertThat(new WorkingDays(BankHolidayCalendar.NONE).addWorkingDays(date("2025-12-24"), 1))
                .isEqualTo(date("2025-12-25"));
    }

    // --- the response clock ---

    @Test
    void receivedOnAWorkingDayBefore17CountsFromThatDay() {
        assertThat(due("2025-06-02T10:00", 2)).as("Monday 10:00").isEqualTo(uk("2025-06-04T17:00"));
        assertThat(due("2025-06-02T16:59:59", 2)).isEqualTo(uk("2025-06-04T17:00"));
    }

    @Test
    void receivedAtOrAfter17CountsFromTheNextWorkingDay() {
        assertThat(due("2025-06-02T17:00", 2)).as("17:00 exactly").isEqualTo(uk("2025-06-05T17:00"));
        assertThat(due("2025-06-02T23:59", 2)).isEqualTo(uk("2025-06-05T17:00"));
        assertThat(due("2025-06-06T17:30", 2)).as("Friday evening").isEqualTo(uk("2025-06-11T17:00"));
    }

    @Test
    void receivedAtTheWeekendCountsFromMonday() {
        assertThat(due("2025-06-07T09:00", 2)).as("Saturday").isEqualTo(uk("2025-06-11T17:00"));
        assertThat(due("2025-06-08T23:00", 2)).as("Sunday").isEqualTo(uk("2025-06-11T17:00"));
    }

    @Test
    void christmasEve2025BeforeAndAfter17() {
        // 25 and 26 December are bank holidays and 27 and 28 the weekend.
        assertThat(due("2025-12-24T16:00", 2)).isEqualTo(uk("2025-12-30T17:00"));
        assertThat(due("2025-12-24T17:30", 2)).isEqualTo(uk("2025-12-31T17:00"));
        assertThat(due("2025-12-25T10:00", 2)).as("received on Christmas Day").isEqualTo(uk("2025-12-31T17:00"));
    }

    @Test
    void newYearsDayIsSkipped() {
        assertThat(due("2025-12-31T10:00", 2)).isEqualTo(uk("2026-01-05T17:00"));
        assertThat(due("2025-12-31T17:01", 2)).isEqualTo(uk("2026-01-06T17:00"));
    }

    @Test
    void easter2025IsSkipped() {
        assertThat(due("2025-04-17T10:00", 2)).as("Thursday before Easter").isEqualTo(uk("2025-04-23T17:00"));
        assertThat(due("2025-04-18T10:00", 2)).as("Good Friday").isEqualTo(uk("2025-04-24T17:00"));
        assertThat(due("2025-04-21T10:00", 2)).as("Easter Monday").isEqualTo(uk("2025-04-24T17:00"));
    }

    @Test
    void theSummerBankHolidayIsSkipped() {
        assertThat(due("2025-08-22T16:30", 2)).isEqualTo(uk("2025-08-27T17:00"));
    }

    @Test
    void seventeenHundredIsUkTimeInSummer() {
        // 16:30 UTC is 17:30 BST: after the end of the working day, though before 17:00 UTC.
        assertThat(days.responseDue(Instant.parse("2025-06-02T16:30:00Z"), 2))
                .isEqualTo(Instant.parse("2025-06-05T16:00:00Z"));
        assertThat(days.responseDue(Instant.parse("2025-06-02T15:59:00Z"), 2))
                .isEqualTo(Instant.parse("2025-06-04T16:00:00Z"));
    }

    @Test
    void theDeadlineStaysAt17WhenTheClocksGoForward() {
        // Received Friday 28 March 2025 16:30 GMT; clocks go forward on Sunday 30 March.
        assertThat(days.responseDue(Instant.parse("2025-03-28T16:30:00Z"), 2))
                .isEqualTo(Instant.parse("2025-04-01T16:00:00Z"));
        assertThat(days.responseDue(Instant.parse("2025-03-28T17:00:00Z"), 2))
                .isEqualTo(Instant.parse("2025-04-02T16:00:00Z"));
    }

    @Test
    void theDeadlineStaysAt17WhenTheClocksGoBack() {
        // Received Friday 24 October 2025 16:30 BST (15:30 UTC); clocks go back on Sunday 26 October.
        assertThat(days.responseDue(Instant.parse("2025-10-24T15:30:00Z"), 2))
                .isEqualTo(Instant.parse("2025-10-28T17:00:00Z"));
        assertThat(days.responseDue(Instant.parse("2025-10-24T16:30:00Z"), 2))
                .as("17:30 BST").isEqualTo(Instant.parse("2025-10-29T17:00:00Z"));
    }

    @Test
    void withNoWorkingDaysAllowedTheResponseIsDueAtTheEndOfTheStartDay() {
        assertThat(due("2025-06-02T10:00", 0)).isEqualTo(uk("2025-06-02T17:00"));
        assertThat(due("2025-06-02T18:00", 0)).isEqualTo(uk("2025-06-03T17:00"));
        assertThat(due("2025-12-24T18:00", 0)).isEqualTo(uk("2025-12-29T17:00"));
    }

    @Test
    void takesAndGivesUkLocalTimes() {
        assertThat(days.responseDue(LocalDateTime.parse("2025-12-24T16:00"), 2))
                .isEqualTo(LocalDateTime.parse("2025-12-30T17:00"));
        assertThat(days.responseDue(LocalDateTime.parse("2025-06-02T17:30"), 2))
                .isEqualTo(LocalDateTime.parse("2025-06-05T17:00"));
    }

    @Test
    void refusesANegativeAllowance() {
        assertThatThrownBy(() -> days.responseDue(Instant.parse("2025-06-02T10:00:00Z"), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The due instant for a referral received at a UK local time. */
    private Instant due(String receivedUkTime, int workingDays) {
        return days.responseDue(uk(receivedUkTime), workingDays);
    }

    private static Instant uk(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(UK).toInstant();
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }
}
