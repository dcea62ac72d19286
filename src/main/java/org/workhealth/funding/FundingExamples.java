package org.workhealth.funding;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.workhealth.funding.internal.FundingAgreements;
import org.workhealth.funding.internal.FundingYear;
import org.workhealth.funding.internal.NewFundingAgreement;
import org.workhealth.funding.internal.PaymentModel;
import org.workhealth.funding.internal.PopulationFigures;
import org.workhealth.milestone.MilestoneType;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.programme.Programmes;

/**
 * The demo funding agreements, on the demo contracts, with the figures of the public reports listed in
 * docs/sources.md where they give them: Warwickshire holds Coventry and Warwickshire's WorkWell finance
 * table (Warwickshire, September 2024), Bury its fair share of £432,927 over 18 months (Bury, September
 * 2024), and the Black Country trust Thrive into Work's 90% block and 10% payment by results (WMCA,
 * March 2024; the outcome prices are made up).
 */
@Component
public class FundingExamples {

    private final FundingAgreements agreements;
    private final Programmes programmes;
    private final PopulationFigures populations;
    private final Allocations allocations;

    FundingExamples(FundingAgreements agreements, Programmes programmes, PopulationFigures populations,
            Allocations allocations) {
        this.allocations = allocations;
        this.agreements = agreements;
        this.programmes = programmes;
        this.populations = populations;
    }

    /** Populations of the demo localities, from which a hub's pot is shared in fair shares. */
    public void populations(Map<Long, Long> populationByLocality) {
        populationByLocality.forEach((locality, population) -> populations.setUnchecked(locality, population, 2021,
                "Census 2021 usual resident population (demo figure)"));
    }

    /**
     * A hub's pot shared among its localities by population, by the commissioner, as the allocation pages share one.
     *
     * @return the allocation's id
     */
    public long fairShares(CurrentUser commissioner, String name, long programmeId, long hubId, long potPounds,
            String period) {
        return allocations.create(commissioner, new NewAllocation(name, programmeId, hubId, pounds(potPounds), 60,
                period));
    }

    /** Agreements on the 2024 contracts. */
    public void agreements() {
        // £432,927 from October 2024 to March 2026, shared between the two financial years by months (6 and 12).
        agree("WW-BURY-2024", PaymentModel.BASIC_AND_PERFORMANCE, 60, 336,
                List.of(new FundingYear(2024, pounds(144_309), 0), new FundingYear(2025, pounds(288_618), 0)),
                Map.of());
        agree("WW-WARKS-2024", PaymentModel.BASIC_AND_PERFORMANCE, 60, 1_500,
                List.of(new FundingYear(2024, pounds(360_000), pounds(320_000)),
                        new FundingYear(2025, pounds(851_550), pounds(220_000))),
                Map.of());
        agree("TIW-BCHFT-2024", PaymentModel.BLOCK_AND_RESULTS, 90, null,
                List.of(new FundingYear(2024, pounds(600_000), 0), new FundingYear(2025, pounds(600_000), 0)),
                Map.of(MilestoneType.JOB_START, pounds(500), MilestoneType.JOB_RETENTION, pounds(500)));
    }

    /** Agreements on this year's contracts, which the example cases count under. */
    public void thisYear() {
        agree("WW-BURY-2026", PaymentModel.BASIC_AND_PERFORMANCE, 60, 224,
                List.of(new FundingYear(2026, pounds(288_618), 0)), Map.of());
        agree("TIW-BCHFT-2026", PaymentModel.BLOCK_AND_RESULTS, 90, null,
                List.of(new FundingYear(2026, pounds(600_000), 0)),
                Map.of(MilestoneType.JOB_START, pounds(500), MilestoneType.JOB_RETENTION, pounds(500)));
    }

    /**
     * Thrive at Work's agreement for this year (the combined authority's own team, block-funded), through which the
     * Wellbeing Premium trial's grants to SMEs are paid. @return the agreement's id
     */
    public long thriveAtWorkThisYear() {
        long contractId = programmes.findContractByReference("TAW-WMCA-2026").orElseThrow().id();
        return agreements.createUnchecked(new NewFundingAgreement(contractId, PaymentModel.BLOCK_AND_RESULTS, 100, null,
                List.of(new FundingYear(2026, pounds(120_000), 0)), Map.of()));
    }

    private void agree(String reference, PaymentModel model, int percent, Integer target, List<FundingYear> years,
            Map<MilestoneType, Long> prices) {
        long contractId = programmes.findContractByReference(reference).orElseThrow().id();
        agreements.createUnchecked(new NewFundingAgreement(contractId, model, percent, target, years, prices));
    }

    private static long pounds(long pounds) {
        return pounds * 100;
    }
}
