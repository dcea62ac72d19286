package org.workhealth.trial;

/** One arm of a trial; {@code weight} is its share of the allocation ratio (2:1 is weights 2 and 1). */
public record Arm(String code, String name, int weight, boolean control) {

    public Arm {
        if (weight < 1 || weight > 10) {
            throw new IllegalArgumentException("An arm's weight must be 1 to 10");
        }
    }
}
