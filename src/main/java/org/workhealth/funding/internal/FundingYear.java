package org.workhealth.funding.internal;

import java.util.List;

import org.workhealth.calendar.FinancialYear;

/**
 * A financial year's money under a funding agreement: the pot (the contract value for block plus results, the
 * participant-related pot for basic plus performance), in whole pounds, and the fixed management and team budget.
 */
public record FundingYear(int financialYear, long potPence, long managementPence) {

    public FundingYear {
        if (potPence < 0 || potPence % 100 != 0) {
            throw new IllegalArgumentException("A pot is whole pounds, 0 or more: " + potPence);
        }
        if (managementPence < 0) {
            throw new IllegalArgumentException("A management budget is 0 or more: " + managementPence);
        }
    }

    public FinancialYear year() {
        return FinancialYear.of(financialYear);
    }

    /** The guaranteed share of the pot (block or basic), in whole pounds; with the earned share it makes the pot. */
    public long guaranteedPence(int guaranteedPercent) {
        return split(guaranteedPercent).get(0);
    }

    /** The share earned from evidence (results or performance), in whole pounds. */
    public long earnedPence(int guaranteedPercent) {
        return split(guaranteedPercent).get(1);
    }

    /** The most the year can pay: the pot and the management budget. */
    public long maximumPence() {
        return potPence + managementPence;
    }

    private List<Long> split(int guaranteedPercent) {
        return Shares.split(potPence / 100, List.of((long) guaranteedPercent, 100L - guaranteedPercent)).stream()
                .map(pounds -> pounds * 100).toList();
    }
}
