package org.workhealth.funding.internal;

import java.util.List;

import org.workhealth.calendar.FinancialYear;

/**
 * A contract's money for a financial year: for each element (management and team, the guaranteed share, the
 * earned share) the most available, what has been claimed (submitted or approved), what has been approved and
 * what is left to claim; and the earned share forecast from the participants engaged so far.
 *
 * @param engagedWithPlan participants who have earned a performance payment in the year (or outcomes, for results)
 * @param awaitingPlan    basic plus performance: participants engaged in the year whose action plan is not agreed yet
 * @param forecastPence   the earned share the year is on course for: what has been earned, and what the engaged
 *                        participants would earn once their plans are agreed, up to the share
 */
public record Budget(FundingAgreement agreement, FinancialYear year, List<Row> rows, long engagedWithPlan,
        long awaitingPlan, long earnedSoFarPence, long forecastPence) {

    /** One element of the year's money. */
    public record Row(String element, long maximumPence, long claimedPence, long approvedPence) {

        public long remainingPence() {
            return maximumPence - claimedPence;
        }

        public String maximum() {
            return Money.format(maximumPence);
        }

        public String claimed() {
            return Money.format(claimedPence);
        }

        public String approved() {
            return Money.format(approvedPence);
        }

        public String remaining() {
            return Money.format(remainingPence());
        }
    }

    public Row total() {
        return new Row("Total", rows.stream().mapToLong(Row::maximumPence).sum(),
                rows.stream().mapToLong(Row::claimedPence).sum(), rows.stream().mapToLong(Row::approvedPence).sum());
    }

    public String forecast() {
        return Money.format(forecastPence);
    }

    public String earnedSoFar() {
        return Money.format(earnedSoFarPence);
    }
}
