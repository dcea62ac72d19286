package org.workhealth.funding.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.workhealth.calendar.FinancialYear;
import org.workhealth.calendar.Quarter;
import org.workhealth.milestone.MilestoneType;
import org.workhealth.programme.Contract;

/** A contract's funding agreement, with the names pages show beside it. */
public record FundingAgreement(long id, Contract contract, String programmeName, String providerName,
        String commissionerName, PaymentModel model, int guaranteedPercent, Integer participantTarget,
        List<FundingYear> years, Map<MilestoneType, Long> outcomePrices) {

    public Optional<FundingYear> year(FinancialYear year) {
        return years.stream().filter(y -> y.financialYear() == year.startYear()).findFirst();
    }

    /** The quarters the contract runs in, in order: the quarters that may be claimed for. */
    public List<Quarter> quarters() {
        List<Quarter> quarters = new ArrayList<>();
        for (Quarter q = Quarter.containing(contract.startsOn()); !q.start().isAfter(contract.endsOn()); q = q.next()) {
            quarters.add(q);
        }
        return quarters;
    }

    public List<Quarter> quartersIn(FinancialYear year) {
        return quarters().stream().filter(q -> q.financialYear().equals(year)).toList();
    }

    public boolean covers(Quarter quarter) {
        return !quarter.end().isBefore(contract.startsOn()) && !quarter.start().isAfter(contract.endsOn());
    }

    /** A year's amount paid in equal quarterly instalments over the year's quarters of the contract. */
    public long instalment(long yearAmountPence, Quarter quarter) {
        List<Quarter> quarters = quartersIn(quarter.financialYear());
        int index = quarters.indexOf(quarter);
        return index < 0 ? 0 : Shares.equal(yearAmountPence, quarters.size()).get(index);
    }

    /**
     * Basic plus performance: what each participant engaged with an agreed action plan earns, the performance
     * share of the pot ÷ the participant target, to the penny below, so that the target earns no more than the
     * share. Null for other models.
     */
    public Long performancePricePence() {
        if (model != PaymentModel.BASIC_AND_PERFORMANCE || participantTarget == null) {
            return null;
        }
        long share = years.stream().mapToLong(y -> y.earnedPence(guaranteedPercent)).sum();
        return share / participantTarget;
    }

    public long potPence() {
        return years.stream().mapToLong(FundingYear::potPence).sum();
    }

    public long maximumPence() {
        return years.stream().mapToLong(FundingYear::maximumPence).sum();
    }

    public boolean live(LocalDate on) {
        return contract.liveOn(on);
    }
}
