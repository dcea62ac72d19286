package org.workhealth.funding;

import java.util.ArrayList;
import java.util.List;

import org.workhealth.funding.internal.Shares;

/**
 * A pot shared among localities by population, and each share split into basic and performance: every
 * amount whole pounds, and every set of parts adding up to what it was cut from. Both cuts use the largest
 * remainder ({@link Shares#split}), so no pound is lost or made up by rounding.
 */
final class AllocationArithmetic {

    /** One locality's part, in whole pounds. */
    record Part(long population, long share, long basic, long performance) {
    }

    private AllocationArithmetic() {
    }

    /**
     * @param potPounds    the pot, whole pounds, 0 or more
     * @param basicPercent the basic share of each locality's allocation, 0 to 100; the rest is performance
     * @param populations  each locality's population, in the order the parts come back
     */
    static List<Part> share(long potPounds, int basicPercent, List<Long> populations) {
        if (basicPercent < 0 || basicPercent > 100) {
            throw new IllegalArgumentException("Basic percentage must be 0 to 100: " + basicPercent);
        }
        List<Long> shares = Shares.split(potPounds, populations);
        List<Long> basicToPerformance = List.of((long) basicPercent, 100L - basicPercent);
        List<Part> parts = new ArrayList<>(shares.size());
        for (int i = 0; i < shares.size(); i++) {
            // Each share is split on its own, so every row adds up; the basic column's total can then differ
            // by a pound or so from the basic percentage of the whole pot, but the totals still make the pot.
            List<Long> split = Shares.split(shares.get(i), basicToPerformance);
            parts.add(new Part(populations.get(i), shares.get(i), split.get(0), split.get(1)));
        }
        return List.copyOf(parts);
    }

    /** Each population's share of the whole in hundredths of a percent, adding up to exactly 100.00%. */
    static List<Long> percentHundredths(List<Long> populations) {
        return Shares.split(10_000, populations);
    }
}
