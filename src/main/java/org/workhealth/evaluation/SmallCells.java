package org.workhealth.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * Small-cell suppression for an agreement's aggregate tables, by the rule of the performance module's equality page
 * (its {@code EqualitySuppression}): counts from 1 to threshold - 1 are shown as "<threshold"; when that hides exactly
 * one count of a breakdown, the next smallest count above zero is hidden too ("suppressed"), so that the total and
 * the others do not give it away by subtraction. Zero is shown. Kept here rather than shared because the threshold
 * is the agreement's (5 by default, higher if the agreement says so), where the equality page's is fixed at 5.
 */
final class SmallCells {

    static final String SECONDARY = "suppressed";

    private SmallCells() {
    }

    static List<String> cells(List<Long> counts, int threshold) {
        List<String> shown = new ArrayList<>();
        int hidden = 0;
        for (long count : counts) {
            boolean small = small(count, threshold);
            hidden += small ? 1 : 0;
            shown.add(small ? "<" + threshold : String.valueOf(count));
        }
        if (hidden == 1) {
            int next = -1;
            for (int i = 0; i < counts.size(); i++) {
                long count = counts.get(i);
                if (count >= threshold && (next < 0 || count < counts.get(next))) {
                    next = i;
                }
            }
            if (next >= 0) {
                shown.set(next, SECONDARY);
            }
        }
        return shown;
    }

    static String total(long count, int threshold) {
        return small(count, threshold) ? "<" + threshold : String.valueOf(count);
    }

    private static boolean small(long count, int threshold) {
        return count > 0 && count < threshold;
    }
}
