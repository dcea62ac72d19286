package org.workhealth.referral;

import java.util.List;

/**
 * Distinct referrals per group of one equality characteristic (such as age at referral) and per
 * stage. Counts only, never who: the groups of one breakdown cover every referral once, so each
 * stage's counts add up to its total.
 *
 * @param dimension what the groups are of, like "Age at referral"
 * @param groups    every group in a fixed order, those with no referrals included
 */
public record EqualityBreakdown(String dimension, List<Group> groups) {

    public EqualityBreakdown {
        groups = List.copyOf(groups);
    }

    /** @param counts one count per stage, in the order the stages were asked for */
    public record Group(String name, List<Long> counts) {

        public Group {
            counts = List.copyOf(counts);
        }
    }
}
