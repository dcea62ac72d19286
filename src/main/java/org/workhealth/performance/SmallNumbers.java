package org.workhealth.performance;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Hides small numbers in a breakdown so that nobody can be picked out from it: a count from 1 to {@code threshold}
 * - 1 is shown as {@code small}. When that hides exactly one count of a breakdown, the total and the others would
 * give it away by subtraction, so the next smallest count above the threshold is hidden too, shown as
 * {@code secondary}. Zero is shown: it tells nobody anything about a person. One rule for every page and extract
 * that publishes counts; each says only its threshold and wording.
 *
 * @param threshold the smallest count that may be shown
 * @param small what a hidden small count shows ("Fewer than 5", "<5")
 * @param secondary what the count hidden to protect it shows ("Not shown", "suppressed")
 * @param format how a count that may be shown is written ("1,200" on a page, "1200" in a file)
 */
public record SmallNumbers(int threshold, String small, String secondary, LongFunction<String> format) {

    /** The counts of one breakdown (which add up to its total) as they may be shown, in the same order. */
    public List<String> cells(List<Long> counts) {
        List<String> shown = new ArrayList<>();
        int hidden = 0;
        for (long count : counts) {
            boolean isSmall = isSmall(count);
            hidden += isSmall ? 1 : 0;
            shown.add(isSmall ? small : format.apply(count));
        }
        if (hidden == 1) {
            int next = -1;
            for (int i = 0; i < counts.size(); i++) {
                long count = counts.get(i);
                if (count >= threshold && (next < 0 || count < counts.get(next))) {
                    next = i;
                }
            }
            // With no other count above zero the total equals the hidden count, and is hidden itself.
            if (next >= 0) {
                shown.set(next, secondary);
            }
        }
        return shown;
    }

    /** A total, hidden by the same rule as any count. */
    public String total(long count) {
        return isSmall(count) ? small : format.apply(count);
    }

    private boolean isSmall(long count) {
        return count > 0 && count < threshold;
    }
}
