package org.workhealth.trial.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.workhealth.trial.Arm;

/**
 * Minimisation (Pocock &amp; Simon 1975) with a random element: for each arm, the imbalance the new unit would
 * cause is the sum over its factors of the range of (count at the unit's level ÷ arm weight) across arms; the arm
 * with the least imbalance is chosen with the trial's probability (e.g. 0.8), otherwise another arm at random;
 * ties are broken at random. The random draws come from the seed stream of the allocation's position, so the
 * whole sequence can be replayed from the seed and the allocations in order.
 */
final class Minimisation {

    private Minimisation() {
    }

    /**
     * @param counts for each factor code, for each level, the number already allocated to each arm (by arm code)
     * @param unit the new unit's level for each factor code
     */
    static String choose(List<Arm> arms, Map<String, Map<String, Map<String, Integer>>> counts,
            Map<String, String> unit, double probability, SeedStream random) {
        double[] imbalance = new double[arms.size()];
        for (int candidate = 0; candidate < arms.size(); candidate++) {
            for (Map.Entry<String, String> factor : unit.entrySet()) {
                Map<String, Integer> atLevel = counts.getOrDefault(factor.getKey(), Map.of())
                        .getOrDefault(factor.getValue(), Map.of());
                double min = Double.MAX_VALUE;
                double max = -Double.MAX_VALUE;
                for (int a = 0; a < arms.size(); a++) {
                    Arm arm = arms.get(a);
                    int n = atLevel.getOrDefault(arm.code(), 0) + (a == candidate ? 1 : 0);
                    double scaled = (double) n / arm.weight();
                    min = Math.min(min, scaled);
                    max = Math.max(max, scaled);
                }
                imbalance[candidate] += max - min;
            }
        }
        double least = Double.MAX_VALUE;
        for (double value : imbalance) {
            least = Math.min(least, value);
        }
        List<Integer> best = new ArrayList<>();
        List<Integer> others = new ArrayList<>();
        for (int a = 0; a < arms.size(); a++) {
            (imbalance[a] - least < 1e-9 ? best : others).add(a);
        }
        if (others.isEmpty() || random.nextDouble() < probability) {
            return arms.get(best.get(random.nextInt(best.size()))).code();
        }
        return arms.get(others.get(random.nextInt(others.size()))).code();
    }
}
