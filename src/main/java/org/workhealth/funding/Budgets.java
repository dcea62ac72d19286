package org.workhealth.funding;

import java.util.List;

import org.springframework.stereotype.Service;
import org.workhealth.calendar.FinancialYear;
import org.workhealth.funding.internal.Budget;
import org.workhealth.funding.internal.ClaimStatus;
import org.workhealth.funding.internal.FundingAgreement;
import org.workhealth.funding.internal.FundingYear;
import org.workhealth.funding.internal.LineKind;
import org.workhealth.funding.internal.PaymentModel;
import org.workhealth.milestone.FirstMilestone;
import org.workhealth.milestone.MilestoneType;

/** Works out a contract's budget for a financial year from its agreement, its claims and the milestone record. */
@Service
class Budgets {

    private final ClaimStore store;
    private final Claims claims;

    Budgets(ClaimStore store, Claims claims) {
        this.store = store;
        this.claims = claims;
    }

    Budget budget(FundingAgreement agreement, FinancialYear year) {
        FundingYear funding = agreement.year(year).orElse(new FundingYear(year.startYear(), 0, 0));
        int percent = agreement.guaranteedPercent();
        List<ClaimStore.Sum> sums = store.sums(agreement.id()).stream().filter(s -> s.forYear() == year.startYear())
                .toList();
        PaymentModel model = agreement.model();
        List<Budget.Row> rows = List.of(
                row("Management and team", funding.managementPence(), sums, LineKind.MANAGEMENT),
                row(model.guaranteedLabel() + " (" + percent + "%)", funding.guaranteedPence(percent), sums,
                        model == PaymentModel.BLOCK_AND_RESULTS ? LineKind.BLOCK : LineKind.BASIC),
                earnedRow(model.earnedLabel() + " (" + (100 - percent) + "%)", funding.earnedPence(percent), sums));

        List<FirstMilestone> firsts = claims.firsts(agreement);
        List<ClaimCalculator.Evidence> evidence = ClaimCalculator.evidence(agreement, firsts).stream()
                .filter(e -> year.contains(e.on())).toList();
        long earned = Math.min(funding.earnedPence(percent),
                evidence.stream().mapToLong(ClaimCalculator.Evidence::pricePence).sum());
        long awaiting = 0;
        long forecast = earned;
        if (model == PaymentModel.BASIC_AND_PERFORMANCE && agreement.performancePricePence() != null) {
            java.util.Set<Long> planned = new java.util.HashSet<>();
            firsts.stream().filter(f -> f.type() == MilestoneType.ACTION_PLAN_AGREED).forEach(f -> planned.add(f.caseId()));
            awaiting = firsts.stream().filter(f -> f.type() == MilestoneType.ENGAGEMENT && year.contains(f.occurredOn())
                    && agreement.contract().liveOn(f.occurredOn()) && !planned.contains(f.caseId())).count();
            forecast = Math.min(funding.earnedPence(percent), earned + awaiting * agreement.performancePricePence());
        }
        return new Budget(agreement, year, rows, evidence.size(), awaiting, earned, forecast);
    }

    private static Budget.Row row(String element, long maximum, List<ClaimStore.Sum> sums, LineKind kind) {
        return new Budget.Row(element, maximum, sum(sums, kind, false), sum(sums, kind, true));
    }

    private static Budget.Row earnedRow(String element, long maximum, List<ClaimStore.Sum> sums) {
        long claimed = 0;
        long approved = 0;
        for (LineKind kind : LineKind.values()) {
            if (kind.earned()) {
                claimed += sum(sums, kind, false);
                approved += sum(sums, kind, true);
            }
        }
        return new Budget.Row(element, maximum, claimed, approved);
    }

    private static long sum(List<ClaimStore.Sum> sums, LineKind kind, boolean approvedOnly) {
        return sums.stream().filter(s -> s.kind() == kind && (!approvedOnly || s.status() == ClaimStatus.APPROVED))
                .mapToLong(ClaimStore.Sum::pence).sum();
    }
}
