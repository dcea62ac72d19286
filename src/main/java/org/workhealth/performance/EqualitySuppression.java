package org.workhealth.performance;

/** The equality pages' small-number rule: counts of 1 to 4 shown as "Fewer than 5", the protecting one "Not shown". */
final class EqualitySuppression {

    static final int THRESHOLD = 5;

    static final SmallNumbers RULE = new SmallNumbers(THRESHOLD, "Fewer than 5", "Not shown",
            count -> String.format("%,d", count));

    private EqualitySuppression() {
    }
}
