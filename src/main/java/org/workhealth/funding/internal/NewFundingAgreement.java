package org.workhealth.funding.internal;

import java.util.List;
import java.util.Map;

import org.workhealth.milestone.MilestoneType;

/**
 * A funding agreement to record on a contract.
 *
 * @param participantTarget basic plus performance: the participants the pot pays for (null otherwise)
 * @param outcomePrices     block plus results: the price of each outcome milestone, first per case
 */
public record NewFundingAgreement(long contractId, PaymentModel model, int guaranteedPercent,
        Integer participantTarget, List<FundingYear> years, Map<MilestoneType, Long> outcomePrices) {

    public NewFundingAgreement {
        years = List.copyOf(years);
        outcomePrices = Map.copyOf(outcomePrices);
    }
}
