package org.workhealth.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.workhealth.calendar.FinancialYear;
import org.workhealth.funding.internal.Budget;
import org.workhealth.funding.internal.FundingAgreement;
import org.workhealth.funding.internal.FundingYear;
import org.workhealth.funding.internal.PaymentModel;
import org.workhealth.programme.Contract;

/** The budget pages' table, from an agreement stored and read back: Coventry & Warwickshire's WorkWell figures. */
@SpringBootTest
@AutoConfigureMockMvc
class BudgetsTest {

    private final Budgets budgets;
    private final FundingFixtures fixtures;

    @Autowired
    BudgetsTest(Budgets budgets, FundingFixtures fixtures) {
        this.budgets = budgets;
        this.fixtures = fixtures;
    }

    @Test
    void coventryAndWarwickshiresBudgetReproducesTheReportsTable() {
        Contract contract = fixtures.contract("Coventry City Council",
                "Coventry and Warwickshire Integrated Care Board", LocalDate.of(2024, 4, 1), LocalDate.of(2026, 3, 31));
        FundingAgreement agreement = fixtures.agreement(contract, PaymentModel.BASIC_AND_PERFORMANCE, 60, null,
                new FundingYear(2024, 360_000_00, 320_000_00), new FundingYear(2025, 851_550_00, 220_000_00));

        Budget first = budgets.budget(agreement, FinancialYear.of(2024));
        Budget second = budgets.budget(agreement, FinancialYear.of(2025));

        assertThat(first.rows()).extracting(Budget.Row::element, Budget.Row::maximum, Budget.Row::remaining)
                .containsExactly(tuple("Management and team", "£320,000.00", "£320,000.00"),
                        tuple("Basic payment (60%)", "£216,000.00", "£216,000.00"),
                        tuple("Performance payment (40%)", "£144,000.00", "£144,000.00"));
        assertThat(first.total().maximum()).isEqualTo("£680,000.00");
        assertThat(second.rows()).extracting(Budget.Row::maximum)
                .containsExactly("£220,000.00", "£510,930.00", "£340,620.00");
        assertThat(second.total().maximum()).isEqualTo("£1,071,550.00");
        assertThat(first.total().maximumPence() + second.total().maximumPence()).isEqualTo(1_751_550_00L);
        assertThat(agreement.maximumPence()).isEqualTo(1_751_550_00L);
        assertThat(first.total().claimedPence()).isZero();
        assertThat(first.forecastPence()).isZero();
    }
}
