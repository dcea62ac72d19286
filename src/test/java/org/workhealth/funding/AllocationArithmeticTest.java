package org.workhealth.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class AllocationArithmeticTest {

    /** Ten localities the size of Greater Manchester's boroughs. */
    private static final List<Long> GM_LIKE = List.of(298_903L, 193_846L, 568_996L, 242_150L, 226_765L, 276_936L,
            296_725L, 232_060L, 236_301L, 334_313L);

    @Test
    void tenLocalitiesSharesAddUpToThePotAndEachSplitsExactly() {
        for (long pot : List.of(4_329_270L, 1_000_000L, 999_999L, 7L, 0L)) {
            List<AllocationArithmetic.Part> parts = AllocationArithmetic.share(pot, 60, GM_LIKE);
            assertThat(parts).hasSize(10);
            assertThat(parts.stream().mapToLong(AllocationArithmetic.Part::share).sum()).isEqualTo(pot);
            assertThat(parts).allSatisfy(p -> assertThat(p.basic() + p.performance()).isEqualTo(p.share()));
            assertThat(parts.stream().mapToLong(p -> p.basic() + p.performance()).sum()).isEqualTo(pot);
            assertThat(parts).extracting(AllocationArithmetic.Part::population).containsExactlyElementsOf(GM_LIKE);
        }
    }

    @Test
    void eachShareIsWithinAPoundOfItsExactShareAndBiggerPlacesGetMore() {
        long pot = 4_329_270;
        long total = GM_LIKE.stream().mapToLong(Long::longValue).sum();
        List<AllocationArithmetic.Part> parts = AllocationArithmetic.share(pot, 60, GM_LIKE);
        for (AllocationArithmetic.Part part : parts) {
            double exact = (double) pot * part.population() / total;
            assertThat((double) part.share()).isCloseTo(exact, org.assertj.core.data.Offset.offset(1.0));
        }
        // Manchester, the largest, gets the most; Bury, the smallest, the least.
        assertThat(parts.get(2).share()).isEqualTo(parts.stream().mapToLong(AllocationArithmetic.Part::share).max()
                .orElseThrow());
        assertThat(parts.get(1).share()).isEqualTo(parts.stream().mapToLong(AllocationArithmetic.Part::share).min()
                .orElseThrow());
    }

    @Test
    void burysFairShareSplitsSixtyFortyIntoWholePoundsThatAddUp() {
        List<AllocationArithmetic.Part> parts = AllocationArithmetic.share(432_927, 60, List.of(193_846L));
        assertThat(parts).containsExactly(new AllocationArithmetic.Part(193_846, 432_927, 259_756, 173_171));
    }

    @Test
    void theBasicShareCanBeAllOrNothing() {
        assertThat(AllocationArithmetic.share(1_001, 100, List.of(1L, 1L))).extracting(
                AllocationArithmetic.Part::basic, AllocationArithmetic.Part::performance)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(501L, 0L),
                        org.assertj.core.groups.Tuple.tuple(500L, 0L));
        assertThat(AllocationArithmetic.share(1_001, 0, List.of(1L, 1L))).extracting(
                AllocationArithmetic.Part::performance).containsExactly(501L, 500L);
        assertThatThrownBy(() -> AllocationArithmetic.share(100, 101, List.of(1L)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AllocationArithmetic.share(100, -1, List.of(1L)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sharesOfPopulationAddUpToOneHundredPercent() {
        List<Long> thirds = AllocationArithmetic.percentHundredths(List.of(1L, 1L, 1L));
        assertThat(thirds).containsExactly(3_334L, 3_333L, 3_333L);
        assertThat(AllocationArithmetic.percentHundredths(GM_LIKE).stream().mapToLong(Long::longValue).sum())
                .isEqualTo(10_000);
    }

    @Test
    void theTableTotalsEqualThePot() {
        List<AllocationArithmetic.Part> parts = AllocationArithmetic.share(432_927, 60, List.of(193_846L, 242_150L));
        List<AllocationShare> shares = List.of(
                share("Bury", parts.get(0)), share("Oldham", parts.get(1)));
        AllocationTable table = AllocationTable.of(shares);
        assertThat(table.totals().shareText()).isEqualTo("£432,927");
        assertThat(table.totals().basicPence() + table.totals().performancePence()).isEqualTo(43_292_700L);
        assertThat(table.totals().percentText()).isEqualTo("100.00%");
        assertThat(table.totals().populationText()).isEqualTo("435,996");
        assertThat(table.rows()).extracting(AllocationTable.Row::percentText).containsExactly("44.46%", "55.54%");
    }

    @Test
    void aCsvCellThatLooksLikeAFormulaIsMadeInert() {
        assertThat(org.workhealth.govuk.TypedText.inert("=SUM(A1)")).isEqualTo("'=SUM(A1)");
        assertThat(org.workhealth.govuk.TypedText.inert("Bury")).isEqualTo("Bury");
    }

    private static AllocationShare share(String name, AllocationArithmetic.Part part) {
        return new AllocationShare(1, name, part.population(), 2024, part.share() * 100, part.basic() * 100,
                part.performance() * 100);
    }
}
