package org.workhealth.trial.internal;

import java.util.ArrayList;
import java.util.List;
import org.workhealth.trial.Arm;

/**
 * Permuted blocks of random size within a stratum. Block b of stratum s has size m × (sum of weights), m drawn from
 * the trial's multipliers, and holds each arm m × weight times in a random order (Fisher–Yates). Both the size and
 * the order come from {@link SeedStream} labelled with the trial, stratum and block number, so the sequence is
 * fixed by the seed and reproducible from it, while random block sizes stop anyone inferring the end of a block
 * from the allocations they have seen (Schulz &amp; Grimes 2002).
 */
public final class PermutedBlocks {

    private final byte[] seed;
    private final long trialId;
    private final List<Arm> arms;
    private final List<Integer> multipliers;

    public PermutedBlocks(byte[] seed, long trialId, List<Arm> arms, List<Integer> multipliers) {
        if (arms.size() < 2 || multipliers.isEmpty()) {
            throw new IllegalArgumentException("Two or more arms and at least one block multiplier are needed");
        }
        this.seed = seed.clone();
        this.trialId = trialId;
        this.arms = List.copyOf(arms);
        this.multipliers = List.copyOf(multipliers);
    }

    /** The arm codes of one block, in allocation order. */
    List<String> block(String stratumKey, int blockNumber) {
        SeedStream random = new SeedStream(seed, trialId + "|" + stratumKey + "|" + blockNumber);
        int multiplier = multipliers.get(random.nextInt(multipliers.size()));
        List<String> block = new ArrayList<>();
        for (Arm arm : arms) {
            for (int i = 0; i < multiplier * arm.weight(); i++) {
                block.add(arm.code());
            }
        }
        for (int i = block.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            String swap = block.get(i);
            block.set(i, block.get(j));
            block.set(j, swap);
        }
        return block;
    }

    /** The arm at a position (0 first) in a stratum's sequence: the blocks before it are regenerated to find it. */
    public String armAt(String stratumKey, int position) {
        int start = 0;
        for (int blockNumber = 0; ; blockNumber++) {
            List<String> block = block(stratumKey, blockNumber);
            if (position < start + block.size()) {
                return block.get(position - start);
            }
            start += block.size();
        }
    }

    /** The largest block: within a stratum no arm ever leads another by more than this. */
    int largestBlock() {
        return multipliers.stream().mapToInt(Integer::intValue).max().orElseThrow()
                * arms.stream().mapToInt(Arm::weight).sum();
    }
}
