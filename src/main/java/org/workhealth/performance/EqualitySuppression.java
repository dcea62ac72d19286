package org.workhealth.performance;

import java.util.ArrayList;
import java.util.List;

/**
 * Hides small numbers in a breakdown so that nobody can be picked out from it. Counts of 1 to 4 are
 * shown as "Fewer than 5". When that hides exactly one count of a breakdown, the total and the others
 * would give it away by subtraction, so the next smallest count (above zero) is hidden too, shown as
 * "Not shown". Zero is shown: it tells nobody anything about a person.
 */
final class EqualitySuppression {

    static final int THRESHOLD = 5;
    static final String FEWER_THAN_5 = "Fewer than 5";
    static final String NOT_SHOWN = "Not shown";

    private EqualitySuppression() {
    }

    /** The counts of one breakdown (which add up to its total) as they may be shown, in the same order. */
    static List<String> cells(List<Long> counts) {
        List<String> shown = new ArrayList<>();
        int hidden = 0;
        for (long count : counts) {
            boolean small = small(count);
            hidden += small ? 1 : 0;
            shown.add(small ? FEWER_THAN_5 : format(count));
        }
        if (hidden == 1) {
            int next = -1;
            for (int i = 0; i < counts.size(); i++) {
                long count = counts.get(i);
                if (count >= THRESHOLD && (next < 0 || count < counts.get(next))) {
                    next = i;
                }
            }
            // With no other count above zero the total equals the hidden count, and is hidden itself.
            if (next >= 0) {
                shown.set(next, NOT_SHOWN);
            }
        }
        return shown;
    }

    /** A total, hidden by the same rule as any count. */
    static String total(long count) {
        return small(count) ? FEWER_THAN_5 : format(count);
    }

    private static boolean small(long count) {
        return count > 0 && count < THRESHOLD;
    }

    private static String format(long count) {
        return String.format("%,d", count);
    }
}
