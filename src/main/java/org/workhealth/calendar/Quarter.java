package org.workhealth.calendar;

import java.time.LocalDate;
import java.util.Comparator;

/**
 * A quarter of a UK financial year: Q1 is April to June, Q2 July to September, Q3 October to
 * December and Q4 January to March (in the calendar year after the financial year starts).
 */
public record Quarter(FinancialYear financialYear, int number) implements Comparable<Quarter> {

    private static final Comparator<Quarter> ORDER = Comparator.comparing(Quarter::financialYear)
            .thenComparingInt(Quarter::number);

    public Quarter {
        if (financialYear == null) {
            throw new IllegalArgumentException("A quarter needs its financial year");
        }
        if (number < 1 || number > 4) {
            throw new IllegalArgumentException("Quarter must be 1 to 4: " + number);
        }
    }

    public static Quarter of(int financialYearStart, int number) {
        return new Quarter(FinancialYear.of(financialYearStart), number);
    }

    public static Quarter containing(LocalDate date) {
        FinancialYear year = FinancialYear.containing(date);
        // Months since 1 April: April-June are 0-2, so three months to a quarter.
        int monthsIn = (date.getMonthValue() + 8) % 12;
        return new Quarter(year, monthsIn / 3 + 1);
    }

    public LocalDate start() {
        return financialYear.start().plusMonths(3L * (number - 1));
    }

    public LocalDate end() {
        return start().plusMonths(3).minusDays(1);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start()) && !date.isAfter(end());
    }

    /** "Q1 2024/25". */
    public String label() {
        return "Q" + number + " " + financialYear.label();
    }

    public Quarter next() {
        return number == 4 ? new Quarter(financialYear.next(), 1) : new Quarter(financialYear, number + 1);
    }

    public Quarter previous() {
        return number == 1 ? new Quarter(financialYear.previous(), 4) : new Quarter(financialYear, number - 1);
    }

    @Override
    public int compareTo(Quarter other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return label();
    }
}
