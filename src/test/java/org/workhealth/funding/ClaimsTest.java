package org.workhealth.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.workhealth.calendar.FinancialYear;
import org.workhealth.calendar.Quarter;
import org.workhealth.funding.internal.Budget;
import org.workhealth.funding.internal.ClaimEvent;
import org.workhealth.funding.internal.ClaimLine;
import org.workhealth.funding.internal.ClaimStatement;
import org.workhealth.funding.internal.ClaimStatus;
import org.workhealth.funding.internal.FundingAgreement;
import org.workhealth.funding.internal.FundingYear;
import org.workhealth.funding.internal.LineKind;
import org.workhealth.funding.internal.PaymentModel;
import org.workhealth.milestone.MilestoneType;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.programme.Contract;

/**
 * Quarterly claims with the real database: worked out from expenditure and the milestone record, submitted by
 * Bury's manager, approved or returned by Greater Manchester's commissioner, and never changed once approved.
 * Each test has a contract of its own in 2025/26, whose quarters have all ended.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ClaimsTest {

    private static final FinancialYear Y2025 = FinancialYear.of(2025);
    private static final Quarter Q1 = Y2025.quarter(1);
    private static final Quarter Q2 = Y2025.quarter(2);
    private static final Quarter Q3 = Y2025.quarter(3);
    /** £40,000 performance share ÷ a target of 100. */
    private static final long PRICE = 400_00;

    private final Claims claims;
    private final Expenditures expenditures;
    private final Budgets budgets;
    private final FundingFixtures fixtures;
    private final CurrentUser manager;
    private final CurrentUser commissioner;

    @Autowired
    ClaimsTest(Claims claims, Expenditures expenditures, Budgets budgets, FundingFixtures fixtures) {
        this.claims = claims;
        this.expenditures = expenditures;
        this.budgets = budgets;
        this.fixtures = fixtures;
        this.manager = fixtures.manager();
        this.commissioner = fixtures.commissioner();
    }

    @Test
    void aSubmittedClaimKeepsItsLinesAndOnceApprovedTheyNeverChangeWhileTheNextClaimAdjusts() {
        Contract contract = contract2025();
        FundingAgreement agreement = agreement(contract);
        expenditures.add(manager, agreement, Q1, "Coach salaries", 12_000_50);
        expenditures.add(manager, agreement, Q1, "Room hire", 499_50);
        long a = fixtures.openCase(contract, LocalDate.of(2025, 4, 20));
        long b = fixtures.openCase(contract, LocalDate.of(2025, 5, 20));
        long aPlan = fixtures.participant(contract, a, LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 20));
        fixtures.participant(contract, b, LocalDate.of(2025, 6, 10), LocalDate.of(2025, 6, 12));

        ClaimStatement draft = claims.statement(agreement, Q1);
        assertThat(draft.status()).isEqualTo(ClaimStatus.DRAFT);
        assertThat(draft.notes()).isEmpty();
        assertThat(draft.lines()).extracting(ClaimLine::kind, ClaimLine::caseReference, ClaimLine::amountPence)
                .containsExactly(tuple(LineKind.MANAGEMENT, null, 5_000_00L), tuple(LineKind.BASIC, null, 12_000_50L),
                        tuple(LineKind.BASIC, null, 499_50L),
                        tuple(LineKind.PERFORMANCE, fixtures.reference(a), PRICE),
                        tuple(LineKind.PERFORMANCE, fixtures.reference(b), PRICE));
        assertThat(draft.total()).isEqualTo("£18,300.00");

        long id = claims.submit(manager, agreement, Q1, draft.fingerprint());

        ClaimStatement submitted = claims.statement(agreement, Q1);
        assertThat(submitted.status()).isEqualTo(ClaimStatus.SUBMITTED);
        assertThat(submitted.claimId()).isEqualTo(id);
        assertThat(submitted.lines()).isEqualTo(draft.lines());
        assertThat(submitted.history()).extracting(ClaimEvent::action, ClaimEvent::personName, ClaimEvent::total)
                .containsExactly(tuple("Submitted", manager.fullName(), "£18,300.00"));
        assertThat(expenditures.locked(agreement.id(), Q1)).isTrue();
        assertThatThrownBy(() -> expenditures.add(manager, agreement, Q1, "Late invoice", 100_00))
                .isInstanceOf(Expenditures.LockedException.class);
        assertThatThrownBy(() -> claims.submit(manager, agreement, Q1, submitted.fingerprint()))
                .isInstanceOf(Claims.ClaimStateException.class).hasMessageContaining("already been submitted");

        claims.approve(commissioner, agreement, Q1, submitted.version());
        ClaimStatement approved = claims.statement(agreement, Q1);
        assertThat(approved.status()).isEqualTo(ClaimStatus.APPROVED);
        assertThat(approved.history()).extracting(ClaimEvent::action, ClaimEvent::personName)
                .containsExactly(tuple("Submitted", manager.fullName()), tuple("Approved", commissioner.fullName()));
        assertThatThrownBy(() -> claims.returnClaim(commissioner, agreement, Q1, approved.version(), "Too late"))
                .isInstanceOf(Claims.ClaimStateException.class).hasMessageContaining("approved");

        // After approval: A's plan is corrected to October (Q3), C's milestones dated in Q1 are recorded late,
        // and D engages with a plan in Q2.
        fixtures.correct(contract, aPlan, LocalDate.of(2025, 10, 6));
        long c = fixtures.openCase(contract, LocalDate.of(2025, 6, 1));
        fixtures.participant(contract, c, LocalDate.of(2025, 6, 2), LocalDate.of(2025, 6, 25));
        long d = fixtures.openCase(contract, LocalDate.of(2025, 7, 1));
        fixtures.participant(contract, d, LocalDate.of(2025, 7, 14), LocalDate.of(2025, 8, 4));
        expenditures.add(manager, agreement, Q2, "Coach salaries", 7_000_00);

        ClaimStatement stillApproved = claims.statement(agreement, Q1);
        assertThat(stillApproved.lines()).isEqualTo(draft.lines());
        assertThat(stillApproved.totalPence()).isEqualTo(18_300_00L);

        ClaimStatement q2 = claims.statement(agreement, Q2);
        assertThat(q2.lines()).extracting(ClaimLine::kind, ClaimLine::forQuarter, ClaimLine::caseReference,
                ClaimLine::amountPence).containsExactly(
                        tuple(LineKind.MANAGEMENT, Q2, null, 5_000_00L),
                        tuple(LineKind.BASIC, Q2, null, 7_000_00L),
                        tuple(LineKind.PERFORMANCE, Q2, fixtures.reference(d), PRICE),
                        tuple(LineKind.ADJUSTMENT, Q1, fixtures.reference(a), -PRICE),
                        tuple(LineKind.ADJUSTMENT, Q1, fixtures.reference(c), PRICE));
        assertThat(q2.lines(LineKind.ADJUSTMENT).get(0).description())
                .startsWith("Taken back from the approved claim for Q1 2025/26: it is now engaged on 1 May 2025 "
                        + "and action plan agreed on 6 October 2025, in Q3 2025/26");
        assertThat(q2.lines(LineKind.ADJUSTMENT).get(1).description())
                .startsWith("Added to the approved claim for Q1 2025/26, recorded after it was approved");
        assertThat(q2.totalPence()).isEqualTo(5_000_00L + 7_000_00L + PRICE - PRICE + PRICE);
        assertThat(q2.total()).isEqualTo("£12,400.00");

        claims.submit(manager, agreement, Q2, q2.fingerprint());
        assertThat(claims.statement(agreement, Q2).lines()).isEqualTo(q2.lines());
        assertThat(claims.claim(agreement, Q2).orElseThrow().totalPence()).isEqualTo(12_400_00L);

        // Q3 pays A where they now qualify; the Q2 claim, still waiting, already carries the adjustments.
        ClaimStatement q3 = claims.statement(agreement, Q3);
        assertThat(q3.lines()).extracting(ClaimLine::kind, ClaimLine::caseReference, ClaimLine::amountPence)
                .containsExactly(tuple(LineKind.MANAGEMENT, null, 5_000_00L),
                        tuple(LineKind.PERFORMANCE, fixtures.reference(a), PRICE));
        assertThat(q3.total()).isEqualTo("£5,400.00");
    }

    @Test
    void aMilestoneWithdrawnAfterItsQuarterWasApprovedIsTakenBackInTheNextClaim() {
        Contract contract = contract2025();
        FundingAgreement agreement = agreement(contract);
        long a = fixtures.openCase(contract, LocalDate.of(2025, 4, 20));
        long aPlan = fixtures.participant(contract, a, LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 20));
        ClaimStatement q1 = claims.statement(agreement, Q1);
        assertThat(q1.lines(LineKind.PERFORMANCE)).extracting(ClaimLine::caseReference)
                .containsExactly(fixtures.reference(a));
        claims.submit(manager, agreement, Q1, q1.fingerprint());
        claims.approve(commissioner, agreement, Q1, claims.statement(agreement, Q1).version());

        fixtures.withdraw(aPlan, "Recorded on the wrong case");

        assertThat(claims.statement(agreement, Q1).lines()).isEqualTo(q1.lines());
        ClaimStatement q2 = claims.statement(agreement, Q2);
        assertThat(q2.lines(LineKind.ADJUSTMENT)).extracting(ClaimLine::forQuarter, ClaimLine::caseReference,
                ClaimLine::amountPence).containsExactly(tuple(Q1, fixtures.reference(a), -PRICE));
        assertThat(q2.lines(LineKind.ADJUSTMENT).get(0).description()).startsWith(
                "Taken back from the approved claim for Q1 2025/26: the evidence for it is no longer recorded");
        assertThat(q2.lines(LineKind.PERFORMANCE)).isEmpty();
    }

    @Test
    void aReturnedClaimUnlocksItsExpenditureAndIsResubmittedWithTheCorrection() {
        FundingAgreement agreement = agreement(contract2025());
        long roomHire = expenditures.add(manager, agreement, Q1, "Room hire", 3_000_00);
        ClaimStatement first = claims.statement(agreement, Q1);
        long id = claims.submit(manager, agreement, Q1, first.fingerprint());
        int version = claims.statement(agreement, Q1).version();

        claims.returnClaim(commissioner, agreement, Q1, version, "The room hire invoice is for £2,500");

        ClaimStatement returned = claims.statement(agreement, Q1);
        assertThat(returned.status()).isEqualTo(ClaimStatus.RETURNED);
        assertThat(returned.editable()).isTrue();
        assertThat(returned.returnReason()).isEqualTo("The room hire invoice is for £2,500");
        assertThat(returned.history()).extracting(ClaimEvent::action, ClaimEvent::reason).containsExactly(
                tuple("Submitted", null), tuple("Returned", "The room hire invoice is for £2,500"));
        assertThat(expenditures.locked(agreement.id(), Q1)).isFalse();
        assertThatThrownBy(() -> claims.approve(commissioner, agreement, Q1, returned.version()))
                .isInstanceOf(Claims.ClaimStateException.class).hasMessageContaining("not waiting for a decision");
        // A returned claim's lines are not claimed: the basic share is all still there.
        assertThat(budgets.budget(agreement, Y2025).rows().get(1).claimedPence()).isZero();

        expenditures.remove(manager, agreement, Q1, roomHire);
        expenditures.add(manager, agreement, Q1, "Room hire", 2_500_00);
        ClaimStatement corrected = claims.statement(agreement, Q1);
        assertThat(corrected.lines(LineKind.BASIC)).extracting(ClaimLine::description, ClaimLine::amountPence)
                .containsExactly(tuple("Room hire", 2_500_00L));
        assertThatThrownBy(() -> claims.submit(manager, agreement, Q1, first.fingerprint()))
                .isInstanceOf(Claims.ClaimChangedException.class);

        assertThat(claims.submit(manager, agreement, Q1, corrected.fingerprint())).isEqualTo(id);

        ClaimStatement resubmitted = claims.statement(agreement, Q1);
        assertThat(resubmitted.status()).isEqualTo(ClaimStatus.SUBMITTED);
        assertThat(resubmitted.lines()).isEqualTo(corrected.lines());
        assertThat(resubmitted.total()).isEqualTo("£7,500.00");
        assertThat(resubmitted.history()).extracting(ClaimEvent::action, ClaimEvent::total).containsExactly(
                tuple("Submitted", "£8,000.00"), tuple("Returned", "£8,000.00"), tuple("Resubmitted", "£7,500.00"));
        assertThat(expenditures.locked(agreement.id(), Q1)).isTrue();
        claims.approve(commissioner, agreement, Q1, resubmitted.version());
        assertThat(claims.statement(agreement, Q1).status()).isEqualTo(ClaimStatus.APPROVED);
    }

    @Test
    void nobodyApprovesOrReturnsTheirOwnClaim() {
        FundingAgreement agreement = agreement(contract2025());
        claims.submit(manager, agreement, Q1, claims.statement(agreement, Q1).fingerprint());
        int version = claims.statement(agreement, Q1).version();

        assertThatThrownBy(() -> claims.approve(manager, agreement, Q1, version))
                .isInstanceOf(Claims.ClaimStateException.class)
                .hasMessage("You submitted this claim, so someone else must approve or return it");
        assertThatThrownBy(() -> claims.returnClaim(manager, agreement, Q1, version, "Mine"))
                .isInstanceOf(Claims.ClaimStateException.class);

        ClaimStatement statement = claims.statement(agreement, Q1);
        assertThat(statement.status()).isEqualTo(ClaimStatus.SUBMITTED);
        assertThat(statement.history()).extracting(ClaimEvent::action).containsExactly("Submitted");

        // The commissioner decides it, on the version they read.
        assertThatThrownBy(() -> claims.approve(commissioner, agreement, Q1, version + 1))
                .isInstanceOf(Claims.ClaimChangedException.class);
        claims.approve(commissioner, agreement, Q1, version);
        assertThat(claims.statement(agreement, Q1).status()).isEqualTo(ClaimStatus.APPROVED);
    }

    @Test
    void aQuarterThatHasNotEndedCannotBeClaimed() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        FinancialYear year = FinancialYear.containing(today);
        Quarter current = Quarter.containing(today);
        Contract contract = fixtures.buryContract(year.start(), year.end());
        FundingAgreement agreement = fixtures.agreement(contract, PaymentModel.BASIC_AND_PERFORMANCE, 60, 100,
                new FundingYear(year.startYear(), 100_000_00, 20_000_00));

        ClaimStatement statement = claims.statement(agreement, current);
        assertThat(statement.notes()).singleElement().asString().contains("its claim can be submitted from");

        assertThatThrownBy(() -> claims.submit(manager, agreement, current, statement.fingerprint()))
                .isInstanceOf(Claims.ClaimStateException.class).hasMessageContaining("has not ended");
        assertThat(claims.claim(agreement, current)).isEmpty();
    }

    @Test
    void aClaimWhoseFiguresChangedSinceTheyWereReadIsNotSubmitted() {
        Contract contract = contract2025();
        FundingAgreement agreement = agreement(contract);
        expenditures.add(manager, agreement, Q1, "Coach salaries", 10_000_00);
        ClaimStatement read = claims.statement(agreement, Q1);

        // A coach records a participant's action plan in Q1 while the manager is reading.
        long caseId = fixtures.openCase(contract, LocalDate.of(2025, 4, 2));
        fixtures.participant(contract, caseId, LocalDate.of(2025, 4, 9), LocalDate.of(2025, 4, 30));

        assertThatThrownBy(() -> claims.submit(manager, agreement, Q1, read.fingerprint()))
                .isInstanceOf(Claims.ClaimChangedException.class);
        assertThat(claims.claim(agreement, Q1)).isEmpty();
        assertThat(expenditures.locked(agreement.id(), Q1)).isFalse();

        ClaimStatement reread = claims.statement(agreement, Q1);
        assertThat(reread.totalPence()).isEqualTo(read.totalPence() + PRICE);
        claims.submit(manager, agreement, Q1, reread.fingerprint());
        assertThat(claims.statement(agreement, Q1).lines()).isEqualTo(reread.lines());
    }

    @Test
    void theBudgetShowsWhatIsClaimedApprovedAndLeftAndForecastsThePerformanceShare() {
        Contract contract = contract2025();
        FundingAgreement agreement = agreement(contract);
        // Q1: £12,000 expenditure and two participants, approved.
        expenditures.add(manager, agreement, Q1, "Coach salaries", 12_000_00);
        for (int i = 0; i < 2; i++) {
            long caseId = fixtures.openCase(contract, LocalDate.of(2025, 4, 1));
            fixtures.participant(contract, caseId, LocalDate.of(2025, 4, 10 + i), LocalDate.of(2025, 5, 1));
        }
        claims.submit(manager, agreement, Q1, claims.statement(agreement, Q1).fingerprint());
        claims.approve(commissioner, agreement, Q1, claims.statement(agreement, Q1).version());
        // Q2: £7,000 and one participant, submitted.
        expenditures.add(manager, agreement, Q2, "Coach salaries", 7_000_00);
        long third = fixtures.openCase(contract, LocalDate.of(2025, 7, 1));
        fixtures.participant(contract, third, LocalDate.of(2025, 7, 2), LocalDate.of(2025, 7, 3));
        claims.submit(manager, agreement, Q2, claims.statement(agreement, Q2).fingerprint());
        // Three engaged whose plans are not agreed yet; one more engaged with a plan in Q3, not yet claimed.
        for (int i = 0; i < 3; i++) {
            long caseId = fixtures.openCase(contract, LocalDate.of(2025, 9, 1));
            fixtures.record(contract, caseId, MilestoneType.ENGAGEMENT, LocalDate.of(2025, 9, 2 + i));
        }
        long fourth = fixtures.openCase(contract, LocalDate.of(2025, 10, 1));
        fixtures.participant(contract, fourth, LocalDate.of(2025, 10, 2), LocalDate.of(2025, 10, 3));

        Budget budget = budgets.budget(agreement, Y2025);

        assertThat(budget.rows()).extracting(Budget.Row::element, Budget.Row::maximum, Budget.Row::claimed,
                Budget.Row::approved, Budget.Row::remaining).containsExactly(
                        tuple("Management and team", "£20,000.00", "£10,000.00", "£5,000.00", "£10,000.00"),
                        tuple("Basic payment (60%)", "£60,000.00", "£19,000.00", "£12,000.00", "£41,000.00"),
                        tuple("Performance payment (40%)", "£40,000.00", "£1,200.00", "£800.00", "£38,800.00"));
        assertThat(budget.total()).extracting(Budget.Row::maximum, Budget.Row::claimed, Budget.Row::approved,
                Budget.Row::remaining).containsExactly("£120,000.00", "£30,200.00", "£17,800.00", "£89,800.00");
        assertThat(budget.engagedWithPlan()).isEqualTo(4);
        assertThat(budget.awaitingPlan()).isEqualTo(3);
        assertThat(budget.earnedSoFar()).isEqualTo("£1,600.00");
        // Earned £1,600, and three engaged participants would earn £400 each once their plans are agreed.
        assertThat(budget.forecast()).isEqualTo("£2,800.00");

        // Another year of the agreement has nothing claimed.
        Budget none = budgets.budget(agreement, FinancialYear.of(2026));
        assertThat(none.total().maximumPence()).isZero();
        assertThat(none.forecastPence()).isZero();
    }

    private Contract contract2025() {
        return fixtures.buryContract(Y2025.start(), Y2025.end());
    }

    /** 2025/26: a £100,000 pot split 60/40 for 100 participants (£400 each), and £20,000 for management. */
    private FundingAgreement agreement(Contract contract) {
        return fixtures.agreement(contract, PaymentModel.BASIC_AND_PERFORMANCE, 60, 100,
                new FundingYear(2025, 100_000_00, 20_000_00));
    }
}
