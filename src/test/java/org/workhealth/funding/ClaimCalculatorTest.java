package org.workhealth.funding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.workhealth.calendar.FinancialYear;
import org.workhealth.calendar.Quarter;
import org.workhealth.funding.internal.ClaimLine;
import org.workhealth.funding.internal.Expenditure;
import org.workhealth.funding.internal.FundingAgreement;
import org.workhealth.funding.internal.FundingYear;
import org.workhealth.funding.internal.LineKind;
import org.workhealth.funding.internal.Money;
import org.workhealth.funding.internal.PaymentModel;
import org.workhealth.milestone.FirstMilestone;
import org.workhealth.milestone.MilestoneType;
import org.workhealth.programme.Contract;

/**
 * The claim arithmetic of issue 6, worked by hand: instalments that add up to the penny, the basic and
 * performance shares capped per year, Bury's performance price, and adjustments to approved claims.
 */
class ClaimCalculatorTest {

    private static final FinancialYear Y2024 = FinancialYear.of(2024);
    private static final FinancialYear Y2025 = FinancialYear.of(2025);
    private static final long BURY_PRICE = 515_38;

    private final AtomicLong milestoneIds = new AtomicLong();

    // Instalments

    @Test
    void aManagementBudgetWithOddPenceIsPaidInFourInstalmentsThatAddUpExactly() {
        FundingAgreement agreement = agreement(LocalDate.of(2025, 4, 1), LocalDate.of(2026, 3, 31),
                PaymentModel.BASIC_AND_PERFORMANCE, 60, 100, new FundingYear(2025, pounds(100_000), 220_000_03));

        List<ClaimLine> management = new ArrayList<>();
        for (Quarter quarter : Y2025.quarters()) {
            management.addAll(lines(compute(agreement, quarter, List.of(), List.of(), Set.of(), List.of()),
                    LineKind.MANAGEMENT));
        }

        assertThat(management).extracting(ClaimLine::amountPence)
                .containsExactly(55_000_01L, 55_000_01L, 55_000_01L, 55_000_00L);
        assertThat(management.stream().mapToLong(ClaimLine::amountPence).sum()).isEqualTo(220_000_03L);
        assertThat(management.get(0).description())
                .isEqualTo("Management and team budget for 2025/26 (£220,000.03), instalment 1 of 4");
        assertThat(management.get(3).description()).endsWith("instalment 4 of 4");
    }

    @Test
    void buryStartingInOctoberIsPaidItsFirstYearsBlockInTwoInstalmentsAndItsSecondInFour() {
        FundingAgreement bury = buryAgreement(PaymentModel.BLOCK_AND_RESULTS, 90, null, 1_000_01,
                Map.of(MilestoneType.JOB_START, 500_00L));

        assertThat(bury.quartersIn(Y2024)).containsExactly(Y2024.quarter(3), Y2024.quarter(4));
        // 90% of £144,309 is £129,878 in whole pounds (the 10% takes the odd pound: £14,431).
        ClaimCalculator.Computed q3 = compute(bury, Y2024.quarter(3), List.of(), List.of(), Set.of(), List.of());
        ClaimCalculator.Computed q4 = compute(bury, Y2024.quarter(4), List.of(), List.of(), Set.of(), List.of());
        assertThat(lines(q3, LineKind.BLOCK)).singleElement().satisfies(line -> {
            assertThat(line.amountPence()).isEqualTo(64_939_00L);
            assertThat(line.description())
                    .isEqualTo("90% of the 2024/25 contract value (£129,878.00), instalment 1 of 2");
        });
        assertThat(lines(q4, LineKind.BLOCK)).singleElement().satisfies(line -> {
            assertThat(line.amountPence()).isEqualTo(64_939_00L);
            assertThat(line.description()).endsWith("instalment 2 of 2");
        });
        // The management budget is spread over the same two quarters, the odd penny in the first.
        assertThat(lines(q3, LineKind.MANAGEMENT)).extracting(ClaimLine::amountPence).containsExactly(500_01L);
        assertThat(lines(q4, LineKind.MANAGEMENT)).extracting(ClaimLine::amountPence).containsExactly(500_00L);

        // 2025/26 runs all year: 90% of £288,618 is £259,756, four instalments of £64,939.
        long block2025 = 0;
        for (Quarter quarter : Y2025.quarters()) {
            List<ClaimLine> block = lines(compute(bury, quarter, List.of(), List.of(), Set.of(), List.of()),
                    LineKind.BLOCK);
            assertThat(block).singleElement().extracting(ClaimLine::description).asString()
                    .endsWith("instalment " + quarter.number() + " of 4");
            block2025 += block.get(0).amountPence();
        }
        assertThat(block2025).isEqualTo(259_756_00L);
    }

    @Test
    void aResultIsPaidAtItsPriceInTheQuarterOfTheOutcomeOnTopOfTheBlock() {
        FundingAgreement bury = buryAgreement(PaymentModel.BLOCK_AND_RESULTS, 90, null, 0,
                Map.of(MilestoneType.JOB_START, 750_00L));
        List<ClaimCalculator.Evidence> evidence = ClaimCalculator.evidence(bury, List.of(
                first(1, MilestoneType.JOB_START, LocalDate.of(2025, 5, 14)),
                first(2, MilestoneType.JOB_START, LocalDate.of(2025, 8, 1))));

        ClaimCalculator.Computed q1 = compute(bury, Y2025.quarter(1), List.of(), List.of(), Set.of(), evidence);

        assertThat(lines(q1, LineKind.RESULT)).singleElement().satisfies(line -> {
            assertThat(line.caseId()).isEqualTo(1L);
            assertThat(line.caseReference()).isEqualTo("REF-1");
            assertThat(line.amountPence()).isEqualTo(750_00L);
            assertThat(line.description()).isEqualTo("Job start on 14 May 2025");
        });
        assertThat(total(q1)).isEqualTo(64_939_00L + 750_00L);
    }

    // Basic

    @Test
    void basicIsPaidOnlyUpToWhatIsLeftOfTheYearsBasicShareAfterEarlierClaims() {
        FundingAgreement bury = buryPerformance();
        // 60% of £144,309 is £86,585; £80,000 of it was claimed for Q3. A 2025/26 claim does not count.
        List<ClaimCalculator.PriorLine> prior = List.of(
                prior(basic(Y2024.quarter(3), 80_000_00), Y2024.quarter(3)),
                prior(basic(Y2025.quarter(1), 50_000_00), Y2025.quarter(1)));
        List<Expenditure> spent = List.of(spent(Y2024.quarter(4), "Coach salaries", 5_000_00),
                spent(Y2024.quarter(4), "Room hire", 3_000_00), spent(Y2024.quarter(4), "Travel", 200_00));

        ClaimCalculator.Computed q4 = compute(bury, Y2024.quarter(4), spent, prior, Set.of(Y2024.quarter(3)),
                List.of());

        List<ClaimLine> basic = lines(q4, LineKind.BASIC);
        assertThat(basic).extracting(ClaimLine::amountPence).containsExactly(5_000_00L, 1_585_00L, 0L);
        assertThat(basic.get(0).description()).isEqualTo("Coach salaries");
        assertThat(basic.get(1).description()).isEqualTo(
                "Room hire (£3,000.00 entered; the basic share for 2024/25 has only £1,585.00 left)");
        assertThat(80_000_00L + basic.stream().mapToLong(ClaimLine::amountPence).sum()).isEqualTo(86_585_00L);

        // The next year has its own basic share: all of it is paid.
        ClaimCalculator.Computed next = compute(bury, Y2025.quarter(2),
                List.of(spent(Y2025.quarter(2), "Coach salaries", 20_000_00)), prior, Set.of(), List.of());
        assertThat(lines(next, LineKind.BASIC)).extracting(ClaimLine::amountPence).containsExactly(20_000_00L);
    }

    // Performance

    @Test
    void burysPerformancePriceIsItsPerformanceShareOverTheTargetToThePennyBelow() {
        FundingAgreement bury = buryPerformance();

        // £432,927 over 2024/25 (£144,309) and 2025/26 (£288,618), split 60/40 in whole pounds each year.
        assertThat(bury.years()).extracting(y -> y.guaranteedPence(60)).containsExactly(86_585_00L, 173_171_00L);
        assertThat(bury.years()).extracting(y -> y.earnedPence(60)).containsExactly(57_724_00L, 115_447_00L);
        assertThat(bury.potPence()).isEqualTo(432_927_00L);
        // £173,171 ÷ 336 = £515.389…, to the penny below.
        assertThat(bury.performancePricePence()).isEqualTo(BURY_PRICE);
        assertThat(Money.format(bury.performancePricePence())).isEqualTo("£515.38");
        assertThat(336 * BURY_PRICE).isLessThanOrEqualTo(173_171_00L);

        List<ClaimCalculator.Evidence> evidence = ClaimCalculator.evidence(bury,
                participant(7, LocalDate.of(2024, 11, 1), LocalDate.of(2024, 11, 12)));
        ClaimCalculator.Computed q3 = compute(bury, Y2024.quarter(3), List.of(), List.of(), Set.of(), evidence);
        assertThat(lines(q3, LineKind.PERFORMANCE)).singleElement().satisfies(line -> {
            assertThat(line.amountPence()).isEqualTo(BURY_PRICE);
            assertThat(line.caseReference()).isEqualTo("REF-7");
            assertThat(line.payable()).isEqualTo(ClaimCalculator.ENGAGED_WITH_PLAN);
            assertThat(line.evidenceOn()).isEqualTo(LocalDate.of(2024, 11, 12));
            assertThat(line.description())
                    .isEqualTo("Engaged on 1 November 2024 and action plan agreed on 12 November 2024");
        });
    }

    @Test
    void performanceStopsAtTheYearsPerformanceShareAndTheNextYearHasItsOwn() {
        FundingAgreement bury = buryPerformance();
        // 2024/25's share is £57,724: 100 participants paid for Q3 (£51,538), 14 more engaged with a plan in Q4.
        List<FirstMilestone> firsts = new ArrayList<>();
        List<ClaimCalculator.PriorLine> prior = new ArrayList<>();
        for (long caseId = 1; caseId <= 100; caseId++) {
            LocalDate on = LocalDate.of(2024, 10, 1).plusDays(caseId % 90);
            firsts.addAll(participant(caseId, on, on));
            prior.add(prior(performance(caseId, Y2024.quarter(3), on, BURY_PRICE), Y2024.quarter(3)));
        }
        for (long caseId = 101; caseId <= 114; caseId++) {
            firsts.addAll(participant(caseId, LocalDate.of(2025, 2, 3), LocalDate.of(2025, 2, 3)));
        }
        firsts.addAll(participant(200, LocalDate.of(2025, 4, 7), LocalDate.of(2025, 4, 7)));
        List<ClaimCalculator.Evidence> evidence = ClaimCalculator.evidence(bury, firsts);

        ClaimCalculator.Computed q4 = compute(bury, Y2024.quarter(4), List.of(), prior, Set.of(Y2024.quarter(3)),
                evidence);

        List<ClaimLine> performance = lines(q4, LineKind.PERFORMANCE);
        assertThat(performance).hasSize(14);
        // 112 × £515.38 = £57,722.56: the 113th participant is paid the £1.44 left, the 114th nothing.
        assertThat(performance.subList(0, 12)).allSatisfy(line -> assertThat(line.amountPence()).isEqualTo(BURY_PRICE));
        assertThat(performance.get(12).amountPence()).isEqualTo(1_44L);
        assertThat(performance.get(12).description()).endsWith(
                "(£515.38 due; the share earned by evidence for 2024/25 has only £1.44 left)");
        assertThat(performance.get(13).amountPence()).isZero();
        assertThat(100 * BURY_PRICE + total(q4)).isEqualTo(57_724_00L);
        assertThat(lines(q4, LineKind.ADJUSTMENT)).isEmpty();

        ClaimCalculator.Computed q1 = compute(bury, Y2025.quarter(1), List.of(), prior, Set.of(Y2024.quarter(3)),
                evidence);
        assertThat(lines(q1, LineKind.PERFORMANCE)).extracting(ClaimLine::amountPence).containsExactly(BURY_PRICE);
    }

    @Test
    void aParticipantEngagedInQ3WhosePlanIsAgreedInQ4CountsInQ4Only() {
        FundingAgreement bury = buryPerformance();
        List<FirstMilestone> firsts = new ArrayList<>(participant(1, LocalDate.of(2024, 12, 15),
                LocalDate.of(2025, 1, 10)));
        // Engaged with no plan yet: counts nowhere.
        firsts.add(first(2, MilestoneType.ENGAGEMENT, LocalDate.of(2024, 11, 20)));
        List<ClaimCalculator.Evidence> evidence = ClaimCalculator.evidence(bury, firsts);

        assertThat(evidence).singleElement().satisfies(e -> {
            assertThat(e.caseId()).isEqualTo(1L);
            assertThat(e.quarter()).isEqualTo(Y2024.quarter(4));
        });
        assertThat(lines(compute(bury, Y2024.quarter(3), List.of(), List.of(), Set.of(), evidence),
                LineKind.PERFORMANCE)).isEmpty();
        assertThat(lines(compute(bury, Y2024.quarter(4), List.of(), List.of(), Set.of(), evidence),
                LineKind.PERFORMANCE)).singleElement().satisfies(line -> {
                    assertThat(line.forQuarter()).isEqualTo(Y2024.quarter(4));
                    assertThat(line.evidenceOn()).isEqualTo(LocalDate.of(2025, 1, 10));
                    assertThat(line.amountPence()).isEqualTo(BURY_PRICE);
                });
    }

    @Test
    void evidenceOutsideTheContractEarnsNothing() {
        FundingAgreement bury = buryPerformance();
        assertThat(ClaimCalculator.evidence(bury, participant(1, LocalDate.of(2024, 9, 2), LocalDate.of(2024, 9, 20))))
                .isEmpty();
        assertThat(ClaimCalculator.evidence(bury, participant(2, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 4, 1))))
                .isEmpty();
    }

    // Adjustments

    @Test
    void aParticipantWhoNoLongerQualifiesInAnApprovedQuarterIsTakenBackInTheNextClaim() {
        FundingAgreement bury = buryPerformance();
        Quarter q1 = Y2025.quarter(1);
        List<ClaimCalculator.PriorLine> prior = List.of(
                prior(performance(1, q1, LocalDate.of(2025, 5, 1), BURY_PRICE), q1),
                prior(performance(2, q1, LocalDate.of(2025, 5, 2), BURY_PRICE), q1));
        // Case 1's plan was corrected to 1 October 2025; case 2's plan was withdrawn altogether.
        List<FirstMilestone> firsts = new ArrayList<>(participant(1, LocalDate.of(2025, 5, 1),
                LocalDate.of(2025, 10, 1)));
        firsts.add(first(2, MilestoneType.ENGAGEMENT, LocalDate.of(2025, 5, 2)));
        List<ClaimCalculator.Evidence> evidence = ClaimCalculator.evidence(bury, firsts);

        ClaimCalculator.Computed q2 = compute(bury, Y2025.quarter(2), List.of(), prior, Set.of(q1), evidence);

        assertThat(q2.lines()).extracting(ClaimLine::kind).containsOnly(LineKind.ADJUSTMENT);
        assertThat(q2.lines()).extracting(ClaimLine::caseId, ClaimLine::forQuarter, ClaimLine::amountPence)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, q1, -BURY_PRICE),
                        org.assertj.core.groups.Tuple.tuple(2L, q1, -BURY_PRICE));
        assertThat(q2.lines().get(0).description()).isEqualTo("Taken back from the approved claim for Q1 2025/26: "
                + "it is now engaged on 1 May 2025 and action plan agreed on 1 October 2025, in Q3 2025/26");
        assertThat(q2.lines().get(1).description())
                .isEqualTo("Taken back from the approved claim for Q1 2025/26: the evidence for it is no longer recorded");
        assertThat(total(q2)).isEqualTo(-2 * BURY_PRICE);

        // Q3, the quarter case 1 now qualifies in, pays them there (the take-back being in Q2's claim).
        List<ClaimCalculator.PriorLine> afterQ2 = new ArrayList<>(prior);
        q2.lines().forEach(line -> afterQ2.add(prior(line, Y2025.quarter(2))));
        ClaimCalculator.Computed q3 = compute(bury, Y2025.quarter(3), List.of(), afterQ2, Set.of(q1), evidence);
        assertThat(q3.lines()).extracting(ClaimLine::kind, ClaimLine::caseId, ClaimLine::amountPence)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LineKind.PERFORMANCE, 1L, BURY_PRICE));
    }

    @Test
    void aParticipantWhoMovesFromAnApprovedQuarterToTheOneClaimedIsTakenBackThereAndPaidHere() {
        FundingAgreement bury = buryPerformance();
        Quarter q1 = Y2025.quarter(1);
        List<ClaimCalculator.PriorLine> prior = List.of(
                prior(performance(1, q1, LocalDate.of(2025, 5, 1), BURY_PRICE), q1));
        List<ClaimCalculator.Evidence> evidence = ClaimCalculator.evidence(bury,
                participant(1, LocalDate.of(2025, 5, 1), LocalDate.of(2025, 8, 4)));

        ClaimCalculator.Computed q2 = compute(bury, Y2025.quarter(2), List.of(), prior, Set.of(q1), evidence);

        assertThat(q2.lines()).extracting(ClaimLine::kind, ClaimLine::forQuarter, ClaimLine::amountPence)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LineKind.PERFORMANCE, Y2025.quarter(2), BURY_PRICE),
                        org.assertj.core.groups.Tuple.tuple(LineKind.ADJUSTMENT, q1, -BURY_PRICE));
        assertThat(total(q2)).isZero();
    }

    @Test
    void lateEvidenceDatedInAnApprovedQuarterIsAddedInTheNextClaim() {
        FundingAgreement bury = buryPerformance();
        Quarter q1 = Y2025.quarter(1);
        List<ClaimCalculator.PriorLine> prior = List.of(
                prior(performance(1, q1, LocalDate.of(2025, 5, 1), BURY_PRICE), q1));
        List<FirstMilestone> firsts = new ArrayList<>(participant(1, LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 1)));
        // Recorded after Q1's claim was approved, dated in Q1.
        firsts.addAll(participant(2, LocalDate.of(2025, 6, 2), LocalDate.of(2025, 6, 20)));
        List<ClaimCalculator.Evidence> evidence = ClaimCalculator.evidence(bury, firsts);

        ClaimCalculator.Computed q2 = compute(bury, Y2025.quarter(2), List.of(), prior, Set.of(q1), evidence);

        assertThat(q2.lines()).singleElement().satisfies(line -> {
            assertThat(line.kind()).isEqualTo(LineKind.ADJUSTMENT);
            assertThat(line.forQuarter()).isEqualTo(q1);
            assertThat(line.caseId()).isEqualTo(2L);
            assertThat(line.amountPence()).isEqualTo(BURY_PRICE);
            assertThat(line.evidenceOn()).isEqualTo(LocalDate.of(2025, 6, 20));
            assertThat(line.description()).isEqualTo("Added to the approved claim for Q1 2025/26, recorded after it "
                    + "was approved: engaged on 2 June 2025 and action plan agreed on 20 June 2025");
        });
    }

    @Test
    void unchangedEvidenceMakesNoAdjustment() {
        FundingAgreement bury = buryPerformance();
        Quarter q1 = Y2025.quarter(1);
        List<ClaimCalculator.PriorLine> prior = List.of(
                prior(performance(1, q1, LocalDate.of(2025, 5, 1), BURY_PRICE), q1));
        List<ClaimCalculator.Evidence> evidence = ClaimCalculator.evidence(bury,
                participant(1, LocalDate.of(2025, 4, 20), LocalDate.of(2025, 5, 1)));

        ClaimCalculator.Computed q2 = compute(bury, Y2025.quarter(2), List.of(), prior, Set.of(q1), evidence);

        assertThat(q2.lines()).isEmpty();
        assertThat(total(q2)).isZero();
    }

    @Test
    void anAdjustmentAlreadyInAnEarlierPendingOrApprovedClaimIsNotMadeAgain() {
        FundingAgreement bury = buryPerformance();
        Quarter q1 = Y2025.quarter(1);
        Quarter q2 = Y2025.quarter(2);
        // Q1 paid case 1; Q2's claim (submitted, not yet decided) took case 1 back and added case 2 late.
        List<ClaimCalculator.PriorLine> prior = List.of(
                prior(performance(1, q1, LocalDate.of(2025, 5, 1), BURY_PRICE), q1),
                prior(adjustment(1, q1, null, -BURY_PRICE), q2),
                prior(adjustment(2, q1, LocalDate.of(2025, 6, 2), BURY_PRICE), q2));
        List<FirstMilestone> firsts = new ArrayList<>();
        firsts.add(first(1, MilestoneType.ENGAGEMENT, LocalDate.of(2025, 5, 1)));
        firsts.addAll(participant(2, LocalDate.of(2025, 6, 2), LocalDate.of(2025, 6, 2)));
        List<ClaimCalculator.Evidence> evidence = ClaimCalculator.evidence(bury, firsts);

        ClaimCalculator.Computed pending = compute(bury, Y2025.quarter(3), List.of(), prior, Set.of(q1), evidence);
        ClaimCalculator.Computed approved = compute(bury, Y2025.quarter(3), List.of(), prior, Set.of(q1, q2),
                evidence);

        assertThat(pending.lines()).isEmpty();
        assertThat(approved.lines()).isEmpty();
    }

    @Test
    void aParticipantTakenBackWhoseEvidenceIsRestoredIsAddedAgain() {
        FundingAgreement bury = buryPerformance();
        Quarter q1 = Y2025.quarter(1);
        Quarter q2 = Y2025.quarter(2);
        List<ClaimCalculator.PriorLine> prior = List.of(
                prior(performance(1, q1, LocalDate.of(2025, 5, 1), BURY_PRICE), q1),
                prior(adjustment(1, q1, null, -BURY_PRICE), q2));
        List<ClaimCalculator.Evidence> evidence = ClaimCalculator.evidence(bury,
                participant(1, LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 1)));

        ClaimCalculator.Computed q3 = compute(bury, Y2025.quarter(3), List.of(), prior, Set.of(q1, q2), evidence);

        assertThat(q3.lines()).extracting(ClaimLine::kind, ClaimLine::forQuarter, ClaimLine::amountPence)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LineKind.ADJUSTMENT, q1, BURY_PRICE));
    }

    @Test
    void aParticipantPaidNothingBecauseTheShareRanOutIsNotAddedAgainAsLateEvidence() {
        // £1,000 pot, 40% performance (£400) for a target of 2: £200 each, so a third participant is paid nothing.
        FundingAgreement agreement = agreement(LocalDate.of(2025, 4, 1), LocalDate.of(2026, 3, 31),
                PaymentModel.BASIC_AND_PERFORMANCE, 60, 2, new FundingYear(2025, pounds(1_000), 0));
        Quarter q1 = Y2025.quarter(1);
        List<FirstMilestone> firsts = new ArrayList<>();
        for (long caseId = 1; caseId <= 3; caseId++) {
            firsts.addAll(participant(caseId, LocalDate.of(2025, 5, (int) caseId), LocalDate.of(2025, 5, (int) caseId)));
        }
        List<ClaimCalculator.Evidence> evidence = ClaimCalculator.evidence(agreement, firsts);
        ClaimCalculator.Computed claimed = compute(agreement, q1, List.of(), List.of(), Set.of(), evidence);
        assertThat(claimed.lines()).extracting(ClaimLine::amountPence).containsExactly(200_00L, 200_00L, 0L);
        List<ClaimCalculator.PriorLine> prior = claimed.lines().stream().map(line -> prior(line, q1)).toList();

        ClaimCalculator.Computed q2 = compute(agreement, Y2025.quarter(2), List.of(), prior, Set.of(q1), evidence);

        // Nothing about Q1 changed after it was approved: no line claims the third was recorded late.
        assertThat(q2.lines()).isEmpty();
    }

    // Helpers

    private static long pounds(long pounds) {
        return pounds * 100;
    }

    private static FundingAgreement agreement(LocalDate start, LocalDate end, PaymentModel model, int percent,
            Integer target, FundingYear... years) {
        return agreement(start, end, model, percent, target, Map.of(), years);
    }

    private static FundingAgreement agreement(LocalDate start, LocalDate end, PaymentModel model, int percent,
            Integer target, Map<MilestoneType, Long> prices, FundingYear... years) {
        Contract contract = new Contract(1L, "WW-TEST", 2L, 3L, 4L, "Test", start, end, null, 0);
        return new FundingAgreement(10L, contract, "WorkWell", "Bury Council Live Well service",
                "NHS Greater Manchester", model, percent, target, List.of(years), prices);
    }

    /** Bury: 1 October 2024 to 31 March 2026, £432,927 over 18 months. */
    private static FundingAgreement buryAgreement(PaymentModel model, int percent, Integer target, long management,
            Map<MilestoneType, Long> prices) {
        return agreement(LocalDate.of(2024, 10, 1), LocalDate.of(2026, 3, 31), model, percent, target, prices,
                new FundingYear(2024, pounds(144_309), management), new FundingYear(2025, pounds(288_618), 0));
    }

    private static FundingAgreement buryPerformance() {
        return buryAgreement(PaymentModel.BASIC_AND_PERFORMANCE, 60, 336, 0, Map.of());
    }

    private static ClaimCalculator.Computed compute(FundingAgreement agreement, Quarter quarter,
            List<Expenditure> spent, List<ClaimCalculator.PriorLine> prior, Set<Quarter> approved,
            List<ClaimCalculator.Evidence> evidence) {
        Map<Long, String> references = new java.util.HashMap<>();
        evidence.forEach(e -> references.put(e.caseId(), "REF-" + e.caseId()));
        prior.forEach(p -> {
            if (p.line().caseId() != null) {
                references.put(p.line().caseId(), "REF-" + p.line().caseId());
            }
        });
        ClaimCalculator.Computed computed = ClaimCalculator.compute(agreement, quarter, spent, prior, approved,
                evidence, references);
        assertThat(computed.notes()).isEmpty();
        return computed;
    }

    private static List<ClaimLine> lines(ClaimCalculator.Computed computed, LineKind kind) {
        return computed.lines().stream().filter(line -> line.kind() == kind).toList();
    }

    private static long total(ClaimCalculator.Computed computed) {
        return computed.lines().stream().mapToLong(ClaimLine::amountPence).sum();
    }

    private FirstMilestone first(long caseId, MilestoneType type, LocalDate on) {
        return new FirstMilestone(caseId, type, milestoneIds.incrementAndGet(), 1L, on);
    }

    private List<FirstMilestone> participant(long caseId, LocalDate engaged, LocalDate planned) {
        return List.of(first(caseId, MilestoneType.ENGAGEMENT, engaged),
                first(caseId, MilestoneType.ACTION_PLAN_AGREED, planned));
    }

    private static Expenditure spent(Quarter quarter, String description, long pence) {
        return new Expenditure(description.hashCode(), 10L, quarter, description, pence, Instant.EPOCH, null);
    }

    private static ClaimCalculator.PriorLine prior(ClaimLine line, Quarter claimQuarter) {
        return new ClaimCalculator.PriorLine(line, claimQuarter);
    }

    private static ClaimLine basic(Quarter quarter, long pence) {
        return new ClaimLine(LineKind.BASIC, quarter, null, null, null, null, "Expenditure", pence);
    }

    private static ClaimLine performance(long caseId, Quarter quarter, LocalDate on, long pence) {
        return new ClaimLine(LineKind.PERFORMANCE, quarter, caseId, null, ClaimCalculator.ENGAGED_WITH_PLAN, on,
                "Engaged with a plan", pence);
    }

    private static ClaimLine adjustment(long caseId, Quarter forQuarter, LocalDate on, long pence) {
        return new ClaimLine(LineKind.ADJUSTMENT, forQuarter, caseId, null, ClaimCalculator.ENGAGED_WITH_PLAN, on,
                "Adjustment", pence);
    }
}
