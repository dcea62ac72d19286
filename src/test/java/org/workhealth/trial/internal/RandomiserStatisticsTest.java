package org.workhealth.trial.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.workhealth.trial.Arm;

/** The randomiser's statistical properties over 100,000 simulated allocations (issue 16). */
class RandomiserStatisticsTest {

    private static final List<Arm> ONE_TO_ONE = List.of(new Arm("IPS", "IPS", 1, false),
            new Arm("USUAL", "Usual care", 1, true));
    private static final List<Arm> TWO_TO_ONE = List.of(new Arm("T", "Grant", 2, false),
            new Arm("C", "Control", 1, true));
    private static final int UNITS = 100_000;
    /** Chi-squared critical value at 1% with 1 degree of freedom. */
    private static final double CHI2_1DF_1PC = 6.635;

    @Test
    void withinEveryStratumNoArmLeadsByMoreThanTheLargestBlockAndTheRatioHolds() {
        for (List<Arm> arms : List.of(ONE_TO_ONE, TWO_TO_ONE)) {
            PermutedBlocks blocks = new PermutedBlocks(TrialSeedCipher.newSeed(), 7, arms, List.of(1, 2, 3));
            Random strata = new Random(1);
            Map<String, Stream> streams = new HashMap<>();
            Map<String, Integer> totals = new HashMap<>();
            int totalWeight = arms.stream().mapToInt(Arm::weight).sum();
            for (int i = 0; i < UNITS; i++) {
                String stratum = "LOCALITY=" + strata.nextInt(10) + "|IN_WORK=" + strata.nextBoolean();
                Stream stream = streams.computeIfAbsent(stratum, s -> new Stream(blocks, s));
                String arm = stream.next();
                totals.merge(arm, 1, Integer::sum);
                for (Arm a : arms) {
                    // deviation of an arm's count from its expected share, in units of weight
                    double expected = (double) stream.count * a.weight() / totalWeight;
                    assertThat(Math.abs(stream.counts.getOrDefault(a.code(), 0) - expected))
                            .as("stratum %s after %d", stratum, stream.count).isLessThanOrEqualTo(blocks.largestBlock());
                }
            }
            double chi2 = 0;
            for (Arm a : arms) {
                double expected = (double) UNITS * a.weight() / totalWeight;
                double observed = totals.getOrDefault(a.code(), 0);
                chi2 += (observed - expected) * (observed - expected) / expected;
            }
            assertThat(chi2).as("chi-squared against %s", arms).isLessThan(CHI2_1DF_1PC);
        }
    }

    @Test
    void theSameSeedGivesTheSameSequenceAndAnotherSeedADifferentOne() {
        byte[] seed = TrialSeedCipher.newSeed();
        PermutedBlocks first = new PermutedBlocks(seed, 3, ONE_TO_ONE, List.of(1, 2, 3));
        PermutedBlocks again = new PermutedBlocks(seed.clone(), 3, ONE_TO_ONE, List.of(1, 2, 3));
        PermutedBlocks other = new PermutedBlocks(TrialSeedCipher.newSeed(), 3, ONE_TO_ONE, List.of(1, 2, 3));
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        List<String> c = new ArrayList<>();
        for (int p = 0; p < 200; p++) {
            a.add(first.armAt("COHORT=A", p));
            b.add(again.armAt("COHORT=A", p));
            c.add(other.armAt("COHORT=A", p));
        }
        assertThat(b).isEqualTo(a);
        assertThat(c).isNotEqualTo(a);
        // a different stratum of the same trial has its own sequence
        List<String> d = new ArrayList<>();
        for (int p = 0; p < 200; p++) {
            d.add(first.armAt("COHORT=B", p));
        }
        assertThat(d).isNotEqualTo(a);
    }

    @Test
    void blockSizesVary() {
        PermutedBlocks blocks = new PermutedBlocks(TrialSeedCipher.newSeed(), 1, ONE_TO_ONE, List.of(1, 2, 3));
        Map<Integer, Integer> sizes = new HashMap<>();
        for (int b = 0; b < 300; b++) {
            sizes.merge(blocks.block("ALL", b).size(), 1, Integer::sum);
        }
        assertThat(sizes.keySet()).containsExactlyInAnyOrder(2, 4, 6);
    }

    @Test
    void minimisationBalancesTheMarginalTotalsOfEveryFactor() {
        byte[] seed = TrialSeedCipher.newSeed();
        Random units = new Random(2);
        Map<String, Map<String, Map<String, Integer>>> counts = new LinkedHashMap<>();
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            Map<String, String> unit = Map.of("SIZE_BAND", "S" + units.nextInt(3), "SECTOR", "X" + units.nextInt(6));
            String arm = Minimisation.choose(ONE_TO_ONE, counts, unit, 0.8, new SeedStream(seed, "1|MIN|" + i));
            unit.forEach((factor, level) -> counts.computeIfAbsent(factor, k -> new LinkedHashMap<>())
                    .computeIfAbsent(level, k -> new LinkedHashMap<>()).merge(arm, 1, Integer::sum));
        }
        counts.forEach((factor, levels) -> levels.forEach((level, byArm) -> assertThat(
                        Math.abs(byArm.getOrDefault("IPS", 0) - byArm.getOrDefault("USUAL", 0)))
                .as("%s=%s", factor, level).isLessThanOrEqualTo(10)));
    }

    @Test
    void minimisationIsReproducibleFromTheSeed() {
        byte[] seed = TrialSeedCipher.newSeed();
        assertThat(replay(seed)).isEqualTo(replay(seed.clone()));
    }

    private static List<String> replay(byte[] seed) {
        Random units = new Random(3);
        Map<String, Map<String, Map<String, Integer>>> counts = new LinkedHashMap<>();
        List<String> arms = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            Map<String, String> unit = Map.of("SIZE_BAND", "S" + units.nextInt(3));
            String arm = Minimisation.choose(TWO_TO_ONE, counts, unit, 0.8, new SeedStream(seed, "9|MIN|" + i));
            arms.add(arm);
            unit.forEach((factor, level) -> counts.computeIfAbsent(factor, k -> new LinkedHashMap<>())
                    .computeIfAbsent(level, k -> new LinkedHashMap<>()).merge(arm, 1, Integer::sum));
        }
        return arms;
    }

    /** One stratum's sequence, read block by block as the service would position by position. */
    private static final class Stream {
        private final PermutedBlocks blocks;
        private final String stratum;
        private List<String> block = List.of();
        private int blockNumber = -1;
        private int index;
        int count;
        final Map<String, Integer> counts = new HashMap<>();

        Stream(PermutedBlocks blocks, String stratum) {
            this.blocks = blocks;
            this.stratum = stratum;
        }

        String next() {
            if (index >= block.size()) {
                block = blocks.block(stratum, ++blockNumber);
                index = 0;
            }
            String arm = block.get(index++);
            count++;
            counts.merge(arm, 1, Integer::sum);
            return arm;
        }
    }
}
