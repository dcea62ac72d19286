package org.workhealth.funding.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Shares a whole amount among weights so that the parts are whole units and add up to the amount
 * exactly: the largest remainder (Hamilton) method. Each part first gets the whole units of its exact
 * share; the units left over go one each to the parts with the largest fractions, and between equal
 * fractions to the part listed first. Arithmetic is on integers throughout, so nothing is lost to
 * floating point: £432,927 shared 60:40 is £259,756 and £173,171, never £259,756.20 rounded twice.
 */
public final class Shares {

    private Shares() {
    }

    /**
     * @param total   the amount to share, in whole units (pounds or pence), 0 or more
     * @param weights one weight per part, each 0 or more, at least one above 0 (percentages, populations)
     * @return the parts in the order of the weights, adding up to {@code total}
     */
    public static List<Long> split(long total, List<Long> weights) {
        if (total < 0) {
            throw new IllegalArgumentException("Cannot share a negative amount: " + total);
        }
        if (weights.isEmpty() || weights.stream().anyMatch(w -> w == null || w < 0)) {
            throw new IllegalArgumentException("Weights must be 0 or more: " + weights);
        }
        BigInteger sum = weights.stream().map(BigInteger::valueOf).reduce(BigInteger.ZERO, BigInteger::add);
        if (sum.signum() == 0) {
            throw new IllegalArgumentException("At least one weight must be more than 0");
        }
        BigInteger amount = BigInteger.valueOf(total);
        long[] parts = new long[weights.size()];
        BigInteger[] remainders = new BigInteger[weights.size()];
        long given = 0;
        for (int i = 0; i < parts.length; i++) {
            BigInteger[] division = amount.multiply(BigInteger.valueOf(weights.get(i))).divideAndRemainder(sum);
            parts[i] = division[0].longValueExact();
            remainders[i] = division[1];
            given += parts[i];
        }
        long left = total - given;
        List<Integer> byRemainder = IntStream.range(0, parts.length).boxed()
                .sorted(Comparator.comparing((Integer i) -> remainders[i]).reversed().thenComparing(i -> i))
                .toList();
        for (int i = 0; i < left; i++) {
            parts[byRemainder.get(i)]++;
        }
        List<Long> result = new ArrayList<>(parts.length);
        for (long part : parts) {
            result.add(part);
        }
        return List.copyOf(result);
    }

    /** Splits a total into {@code count} equal parts that add up exactly, earlier parts taking the odd units. */
    public static List<Long> equal(long total, int count) {
        return split(total, java.util.Collections.nCopies(count, 1L));
    }
}
