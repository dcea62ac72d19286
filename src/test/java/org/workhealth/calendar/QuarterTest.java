package org.workhealth.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class QuarterTest {

    @Test
    void quarterOneIsAprilToJuneAndQuarterFourIsJanuaryToMarchOfTheNextCalendarYear() {
        assertThat(Quarter.of(2024, 1).start()).isEqualTo(LocalDate.of(2024, 4, 1));
        assertThat(Quarter.of(2024, 1).end()).isEqualTo(LocalDate.of(2024, 6, 30));
        assertThat(Quarter.of(2024, 2).start()).isEqualTo(LocalDate.of(2024, 7, 1));
        assertThat(Quarter.of(2024, 2).end()).isEqualTo(LocalDate.of(2024, 9, 30));
        assertThat(Quarter.of(2024, 3).start()).isEqualTo(LocalDate.of(2024, 10, 1));
        assertThat(Quarter.of(2024, 3).end()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(Quarter.of(2024, 4).start()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(Quarter.of(2024, 4).end()).isEqualTo(LocalDate.of(2025, 3, 31));
    }

    @Test
    void isLabelledWithItsFinancialYear() {
        assertThat(Quarter.of(2024, 1).label()).isEqualTo("Q1 2024/25");
        assertThat(Quarter.of(2024, 4)).hasToString("Q4 2024/25");
    }

    @Test
    void findsTheQuarterOfEveryMonth() {
        int[] quarterOfMonth = {4, 4, 4, 1, 1, 1, 2, 2, 2, 3, 3, 3};
        for (int month = 1; month <= 12; month++) {
            LocalDate first = LocalDate.of(2025, month, 1);
            LocalDate last = first.withDayOfMonth(first.lengthOfMonth());
            int financialYear = month >= 4 ? 2025 : 2024;
            Quarter expected = Quarter.of(financialYear, quarterOfMonth[month - 1]);
            assertThat(Quarter.containing(first)).as("1 of month %d", month).isEqualTo(expected);
            assertThat(Quarter.containing(last)).as("end of month %d", month).isEqualTo(expected);
            assertThat(expected.contains(first) && expected.contains(last)).isTrue();
        }
    }

    @Test
    void theThirtyFirstOfMarchEndsQuarterFourAndTheFirstOfAprilStartsQuarterOne() {
        assertThat(Quarter.containing(LocalDate.of(2025, 3, 31))).isEqualTo(Quarter.of(2024, 4));
        assertThat(Quarter.containing(LocalDate.of(2025, 4, 1))).isEqualTo(Quarter.of(2025, 1));
        assertThat(Quarter.of(2024, 4).contains(LocalDate.of(2025, 4, 1))).isFalse();
        assertThat(Quarter.of(2025, 1).contains(LocalDate.of(2025, 3, 31))).isFalse();
    }

    @Test
    void quarterFourOfAYearEndingInALeapYearIncludesTheTwentyNinthOfFebruary() {
        Quarter q4 = Quarter.of(2023, 4);

        assertThat(Quarter.containing(LocalDate.of(2024, 2, 29))).isEqualTo(q4);
        assertThat(q4.start()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(q4.end()).isEqualTo(LocalDate.of(2024, 3, 31));
    }

    @Test
    void stepsAcrossTheEndOfTheFinancialYear() {
        assertThat(Quarter.of(2024, 4).next()).isEqualTo(Quarter.of(2025, 1));
        assertThat(Quarter.of(2025, 1).previous()).isEqualTo(Quarter.of(2024, 4));
        assertThat(Quarter.of(2024, 2).next()).isEqualTo(Quarter.of(2024, 3));
        assertThat(Quarter.of(2024, 3).previous()).isEqualTo(Quarter.of(2024, 2));
        assertThat(Quarter.of(2024, 4).next().start()).isEqualTo(Quarter.of(2024, 4).end().plusDays(1));
    }

    @Test
    void sortsByYearThenNumber() {
        assertThat(Quarter.of(2024, 4)).isLessThan(Quarter.of(2025, 1));
        assertThat(Quarter.of(2024, 1)).isLessThan(Quarter.of(2024, 2));
    }

    @Test
    void refusesNumbersOtherThanOneToFour() {
        assertThatThrownBy(() -> Quarter.of(2024, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Quarter.of(2024, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Quarter(null, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
