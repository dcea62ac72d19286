package org.workhealth.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.workhealth.funding.internal.FundingAgreement;
import org.workhealth.funding.internal.FundingYear;
import org.workhealth.funding.internal.Money;
import org.workhealth.funding.internal.PaymentModel;
import org.workhealth.programme.Contract;

/** A year's money: the pot split into whole pounds that add up, and the management budget on top. */
class FundingYearTest {

    @Test
    void coventryAndWarwickshiresTwoYearsAddUpToTheReportsFigures() {
        FundingYear first = new FundingYear(2024, 360_000_00, 320_000_00);
        FundingYear second = new FundingYear(2025, 851_550_00, 220_000_00);

        // 2024/25: £320,000 + £216,000 + £144,000 = £680,000.
        assertThat(first.guaranteedPence(60)).isEqualTo(216_000_00L);
        assertThat(first.earnedPence(60)).isEqualTo(144_000_00L);
        assertThat(first.maximumPence()).isEqualTo(680_000_00L);
        // 2025/26: £220,000 + £510,930 + £340,620 = £1,071,550.
        assertThat(second.guaranteedPence(60)).isEqualTo(510_930_00L);
        assertThat(second.earnedPence(60)).isEqualTo(340_620_00L);
        assertThat(second.maximumPence()).isEqualTo(1_071_550_00L);

        Contract contract = new Contract(1L, "WW-CW", 2L, 3L, 4L, "Coventry and Warwickshire",
                LocalDate.of(2024, 4, 1), LocalDate.of(2026, 3, 31), null, 0);
        FundingAgreement agreement = new FundingAgreement(1L, contract, "WorkWell", "Coventry City Council",
                "Coventry and Warwickshire Integrated Care Board", PaymentModel.BASIC_AND_PERFORMANCE, 60, null,
                List.of(first, second), Map.of());
        assertThat(agreement.potPence()).isEqualTo(1_211_550_00L);
        assertThat(Money.format(agreement.maximumPence())).isEqualTo("£1,751,550.00");
    }

    @Test
    void burysYearsSplitInWholePoundsThatAddUpToTheAllocation() {
        FundingYear first = new FundingYear(2024, 144_309_00, 0);
        FundingYear second = new FundingYear(2025, 288_618_00, 0);

        assertThat(first.guaranteedPence(60) + first.earnedPence(60)).isEqualTo(144_309_00L);
        assertThat(second.guaranteedPence(60) + second.earnedPence(60)).isEqualTo(288_618_00L);
        // £259,756 basic and £173,171 performance (the report's £171,171 would not add up to £432,927).
        assertThat(first.guaranteedPence(60) + second.guaranteedPence(60)).isEqualTo(259_756_00L);
        assertThat(first.earnedPence(60) + second.earnedPence(60)).isEqualTo(173_171_00L);
        // Block plus results at 90%: the block and the results share make the contract value.
        assertThat(first.guaranteedPence(90) + first.earnedPence(90)).isEqualTo(144_309_00L);
        assertThat(first.guaranteedPence(100)).isEqualTo(144_309_00L);
        assertThat(first.earnedPence(100)).isZero();
    }

    @Test
    void aPotIsWholePoundsAndNeitherAmountIsNegative() {
        assertThatThrownBy(() -> new FundingYear(2025, 100_50, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FundingYear(2025, -100, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FundingYear(2025, 0, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new FundingYear(2025, 0, 10_000_01).maximumPence()).isEqualTo(10_000_01L);
    }
}
