package org.workhealth.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.workhealth.funding.internal.Shares;

class SharesTest {

    @Test
    void burysFairShareSplitsSixtyFortyIntoWholePoundsThatAddUp() {
        // The report prints £171,171 for the 40%; 60% + 40% of £432,927 must come back to £432,927.
        assertThat(Shares.split(432_927, List.of(60L, 40L))).containsExactly(259_756L, 173_171L);
    }

    @Test
    void coventryAndWarwickshirePotsSplitExactly() {
        assertThat(Shares.split(360_000, List.of(60L, 40L))).containsExactly(216_000L, 144_000L);
        assertThat(Shares.split(851_550, List.of(60L, 40L))).containsExactly(510_930L, 340_620L);
    }

    @Test
    void leftoverUnitsGoToTheLargestFractionsThenToTheFirstListed() {
        // 100 by 1:1:1 is 33.33 each: one unit left over, which goes to the first part.
        assertThat(Shares.split(100, List.of(1L, 1L, 1L))).containsExactly(34L, 33L, 33L);
        // 10 by 1:2:3 is 1.67, 3.33, 5: the 0.67 is the largest fraction.
        assertThat(Shares.split(10, List.of(1L, 2L, 3L))).containsExactly(2L, 3L, 5L);
        assertThat(Shares.equal(1_000_001, 4)).containsExactly(250_001L, 250_000L, 250_000L, 250_000L);
    }

    @Test
    void partsAlwaysAddUpToTheTotal() {
        List<Long> populations = List.of(187_000L, 241_000L, 552_000L, 229_000L, 331_000L, 274_000L,
                298_000L, 232_000L, 330_000L, 183_000L);
        for (long pot = 0; pot < 20_000_000; pot += 999_983) {
            assertThat(Shares.split(pot, populations).stream().mapToLong(Long::longValue).sum()).isEqualTo(pot);
        }
        assertThat(Shares.split(Long.MAX_VALUE / 2, List.of(Long.MAX_VALUE / 3, 7L)).stream()
                .mapToLong(Long::longValue).sum()).isEqualTo(Long.MAX_VALUE / 2);
    }

    @Test
    void aZeroWeightGetsNothing() {
        assertThat(Shares.split(7, List.of(0L, 3L, 4L))).containsExactly(0L, 3L, 4L);
    }

    @Test
    void refusesNegativeAmountsAndWeightsThatShareNothing() {
        assertThatThrownBy(() -> Shares.split(-1, List.of(1L))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Shares.split(1, List.of(0L, 0L))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Shares.split(1, List.of(-1L, 2L))).isInstanceOf(IllegalArgumentException.class);
    }
}
