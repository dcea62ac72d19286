package org.workhealth.funding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.workhealth.calendar.FinancialYear;
import org.workhealth.calendar.Quarter;
import org.workhealth.funding.internal.Expenditure;
import org.workhealth.funding.internal.FundingAgreement;
import org.workhealth.funding.internal.FundingYear;
import org.workhealth.funding.internal.LineKind;
import org.workhealth.funding.internal.PaymentModel;
import org.workhealth.organisation.CurrentUser;

/**
 * Two claims of one agreement submitted at the same moment, or expenditure entered while the quarter's claim is
 * being submitted: each claim is worked out from what the others left, so no share is paid twice and no
 * expenditure is left out of the claim of its quarter.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ClaimRaceTest {

    private static final FinancialYear Y2025 = FinancialYear.of(2025);
    private static final Quarter Q3 = Y2025.quarter(3);
    private static final Quarter Q4 = Y2025.quarter(4);

    private final Claims claims;
    private final Expenditures expenditures;
    private final Budgets budgets;
    private final FundingFixtures fixtures;
    private final TransactionTemplate transaction;
    private final CurrentUser manager;

    @Autowired
    ClaimRaceTest(Claims claims, Expenditures expenditures, Budgets budgets, FundingFixtures fixtures,
            TransactionTemplate transaction) {
        this.claims = claims;
        this.expenditures = expenditures;
        this.budgets = budgets;
        this.fixtures = fixtures;
        this.transaction = transaction;
        this.manager = fixtures.manager();
    }

    @Test
    void twoQuartersClaimedAtOnceNeverPayMoreThanTheYearsBasicShare() throws Exception {
        FundingAgreement agreement = agreement();
        // The basic share is £60,000: £40,000 spent in each of Q3 and Q4.
        expenditures.add(manager, agreement, Q3, "Coach salaries", 40_000_00);
        expenditures.add(manager, agreement, Q4, "Coach salaries", 40_000_00);
        String q3 = claims.statement(agreement, Q3).fingerprint();
        String q4 = claims.statement(agreement, Q4).fingerprint();

        List<String> outcomes = race(() -> claims.submit(manager, agreement, Q3, q3),
                () -> claims.submit(manager, agreement, Q4, q4));

        // The second is told the claim changed: it now pays only the £20,000 left.
        assertThat(outcomes).containsExactly("saved", "changed");
        assertThat(claims.claim(agreement, Q4)).isEmpty();
        assertThat(claims.statement(agreement, Q4).subtotalPence(LineKind.BASIC)).isEqualTo(20_000_00L);
        assertThat(budgets.budget(agreement, Y2025).rows().get(1).claimedPence()).isEqualTo(40_000_00L);
    }

    @Test
    void expenditureEnteredWhileTheQuartersClaimIsSubmittedWaitsAndIsRefused() throws Exception {
        FundingAgreement agreement = agreement();
        expenditures.add(manager, agreement, Q3, "Coach salaries", 10_000_00);
        String q3 = claims.statement(agreement, Q3).fingerprint();

        List<String> outcomes = race(() -> claims.submit(manager, agreement, Q3, q3),
                () -> expenditures.add(manager, agreement, Q3, "Room hire", 500_00));

        assertThat(outcomes).containsExactly("saved", "locked");
        assertThat(expenditures.forQuarter(agreement.id(), Q3)).extracting(Expenditure::amountPence)
                .containsExactly(10_000_00L);
        assertThat(claims.statement(agreement, Q3).subtotalPence(LineKind.BASIC)).isEqualTo(10_000_00L);
    }

    private FundingAgreement agreement() {
        return fixtures.agreement(fixtures.buryContract(Y2025.start(), Y2025.end()),
                PaymentModel.BASIC_AND_PERFORMANCE, 60, 100, new FundingYear(2025, 100_000_00, 0));
    }

    /**
     * Runs the first in a transaction that waits, after writing, until the second has started; only then does the
     * first commit.
     */
    private List<String> race(Runnable first, Runnable second) throws Exception {
        CountDownLatch firstWritten = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<String> one = pool.submit(() -> outcome(() -> transaction.executeWithoutResult(status -> {
                first.run();
                firstWritten.countDown();
                sleep();
            })));
            assertThat(firstWritten.await(20, TimeUnit.SECONDS)).isTrue();
            Future<String> two = pool.submit(() -> outcome(second));
            List<String> outcomes = new ArrayList<>();
            outcomes.add(one.get(30, TimeUnit.SECONDS));
            outcomes.add(two.get(30, TimeUnit.SECONDS));
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String outcome(Runnable action) {
        try {
            action.run();
            return "saved";
        } catch (Claims.ClaimChangedException changed) {
            return "changed";
        } catch (Expenditures.LockedException locked) {
            return "locked";
        }
    }

    /** Long enough for the second to reach the point where it must wait for the first. */
    private static void sleep() {
        try {
            Thread.sleep(1500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
