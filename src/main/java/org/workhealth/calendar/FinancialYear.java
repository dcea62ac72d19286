package org.workhealth.calendar;

import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A UK financial year, 1 April to 31 March, named by the calendar year it starts in:
 * {@code FinancialYear.of(2024)} runs from 1 April 2024 to 31 March 2025 and is labelled "2024/25".
 * Contracts, forecasts, claims and returns are all counted in these years and their quarters.
 */
public record FinancialYear(int startYear) implements Comparable<FinancialYear> {

    public FinancialYear {
        // Four-digit years only, so that labels stay "2024/25" and dates stay in LocalDate's range.
        if (startYear < 1000 || startYear > 9998) {
            throw new IllegalArgumentException("Financial year must start in a four-digit year: " + startYear);
        }
    }

    public static FinancialYear of(int startYear) {
        return new FinancialYear(startYear);
    }

    /** The financial year a date falls in: January to March belong to the year that began the April before. */
    public static FinancialYear containing(LocalDate date) {
        return of(date.getMonthValue() >= Month.APRIL.getValue() ? date.getYear() : date.getYear() - 1);
    }

    /** 1 April of the start year. */
    public LocalDate start() {
        return LocalDate.of(startYear, Month.APRIL, 1);
    }

    /** 31 March of the following year, the last day of the year. */
    public LocalDate end() {
        return LocalDate.of(startYear + 1, Month.MARCH, 31);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start()) && !date.isAfter(end());
    }

    /** "2024/25", as board reports and returns write it. */
    public String label() {
        return startYear + "/" + String.format("%02d", (startYear + 1) % 100);
    }

    /** Q1 (April to June) to Q4 (January to March). */
    public List<Quarter> quarters() {
        return IntStream.rangeClosed(1, 4).mapToObj(number -> new Quarter(this, number)).toList();
    }

    public Quarter quarter(int number) {
        return new Quarter(this, number);
    }

    public FinancialYear next() {
        return of(startYear + 1);
    }

    public FinancialYear previous() {
        return of(startYear - 1);
    }

    @Override
    public int compareTo(FinancialYear other) {
        return Integer.compare(startYear, other.startYear);
    }

    @Override
    public String toString() {
        return label();
    }
}
