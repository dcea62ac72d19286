package org.workhealth.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

class FinancialYearTest {

    @Test
    void runsFromTheFirstOfAprilToTheThirtyFirstOfMarch() {
        FinancialYear year = FinancialYear.of(2024);

        assertThat(year.start()).isEqualTo(LocalDate.of(2024, 4, 1));
        assertThat(year.end()).isEqualTo(LocalDate.of(2025, 3, 31));
        assertThat(year.label()).isEqualTo("2024/25");
        assertThat(year).hasToString("2024/25");
    }

    @Test
    void theLabelKeepsTwoDigitsForTheSecondYear() {
        assertThat(FinancialYear.of(1999).label()).isEqualTo("1999/00");
        assertThat(FinancialYear.of(2008).label()).isEqualTo("2008/09");
    }

    @Test
    void theThirtyFirstOfMarchAndTheFirstOfAprilAreInDifferentYears() {
        assertThat(FinancialYear.containing(LocalDate.of(2025, 3, 31))).isEqualTo(FinancialYear.of(2024));
        assertThat(FinancialYear.containing(LocalDate.of(2025, 4, 1))).isEqualTo(FinancialYear.of(2025));
        assertThat(FinancialYear.containing(LocalDate.of(2025, 1, 1))).isEqualTo(FinancialYear.of(2024));
        assertThat(FinancialYear.containing(LocalDate.of(2024, 12, 31))).isEqualTo(FinancialYear.of(2024));
    }

    @Test
    void containsItsFirstAndLastDayOnly() {
        FinancialYear year = FinancialYear.of(2024);

        assertThat(year.contains(LocalDate.of(2024, 4, 1))).isTrue();
        assertThat(year.contains(LocalDate.of(2025, 3, 31))).isTrue();
        assertThat(year.contains(LocalDate.of(2024, 3, 31))).isFalse();
        assertThat(year.contains(LocalDate.of(2025, 4, 1))).isFalse();
    }

    @Test
    void aYearEndingInALeapYearHasTheTwentyNinthOfFebruary() {
        FinancialYear leap = FinancialYear.of(2023);

        assertThat(leap.contains(LocalDate.of(2024, 2, 29))).isTrue();
        assertThat(FinancialYear.containing(LocalDate.of(2024, 2, 29))).isEqualTo(leap);
        assertThat(ChronoUnit.DAYS.between(leap.start(), leap.end()) + 1).isEqualTo(366);
        assertThat(ChronoUnit.DAYS.between(FinancialYear.of(2024).start(), FinancialYear.of(2024).end()) + 1)
                .isEqualTo(365);
        // A year starting in a leap year has no 29 February: it comes before 1 April.
        assertThat(FinancialYear.of(2024).end()).isEqualTo(LocalDate.of(2025, 3, 31));
    }

    @Test
    void hasFourQuartersThatCoverTheYearWithoutGaps() {
        FinancialYear year = FinancialYear.of(2024);

        assertThat(year.quarters()).extracting(Quarter::label)
                .containsExactly("Q1 2024/25", "Q2 2024/25", "Q3 2024/25", "Q4 2024/25");
        assertThat(year.quarters().get(0).start()).isEqualTo(year.start());
        assertThat(year.quarters().get(3).end()).isEqualTo(year.end());
        for (int i = 0; i < 3; i++) {
            assertThat(year.quarters().get(i).end().plusDays(1)).isEqualTo(year.quarters().get(i + 1).start());
        }
        assertThat(year.quarter(2)).isEqualTo(Quarter.of(2024, 2));
    }

    @Test
    void movesToTheNextAndPreviousYearAndSortsByStart() {
        assertThat(FinancialYear.of(2024).next()).isEqualTo(FinancialYear.of(2025));
        assertThat(FinancialYear.of(2024).previous()).isEqualTo(FinancialYear.of(2023));
        assertThat(FinancialYear.of(2023)).isLessThan(FinancialYear.of(2024));
    }

    @Test
    void refusesYearsThatAreNotFourDigits() {
        assertThatThrownBy(() -> FinancialYear.of(24)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FinancialYear.of(10000)).isInstanceOf(IllegalArgumentException.class);
    }
}
