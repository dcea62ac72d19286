package org.workhealth.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.workhealth.calendar.FinancialYear;
import org.workhealth.performance.internal.KpiDisplay;
import org.workhealth.performance.internal.KpiForecast;
import org.workhealth.performance.internal.KpiTarget;
import org.workhealth.performance.internal.QuarterState;
import org.workhealth.performance.internal.Rag;
import org.workhealth.performance.internal.RagThreshold;

/** The as-left rule, summing contracts, running totals and the cumulative total, without a database. */
class KpiArithmeticTest {

    private static final FinancialYear YEAR = FinancialYear.of(2023);
    private static final QuarterState[] ALL_FINISHED = KpiArithmetic.states(YEAR, LocalDate.of(2024, 4, 1));

    @Test
    void thriveAtWorkSignUpsAsLeftIsTheTargetLessTheBaselineAndTheQuartersBefore() {
        KpiDefinition signUps = entered("SIGN_UPS", KpiDisplay.INCREMENTS);
        KpiTarget target = target(1, 126, 54, KpiForecast.of(1, 21), KpiForecast.of(2, 21), KpiForecast.of(3, 21),
                KpiForecast.asLeft(4));

        KpiRow row = KpiArithmetic.countRow(signUps, List.of(target), Map.of(1L, new Long[] {14L, 24L, 22L, 12L}),
                ALL_FINISHED, false, RagThreshold.DEFAULT, YEAR, Map.of(4, "to Feb")).row();

        KpiCell q4 = row.quarters().get(3);
        assertThat(q4.asLeft()).isTrue();
        assertThat(q4.forecast()).isEqualByComparingTo("12");
        assertThat(q4.actual()).isEqualByComparingTo("12");
        assertThat(q4.rag()).isEqualTo(Rag.GREEN);
        assertThat(q4.note()).isEqualTo("to Feb");
        assertThat(row.cumulative()).isEqualByComparingTo("126");
        assertThat(row.baseline()).isEqualByComparingTo("54");
        assertThat(row.total()).isEqualByComparingTo("126");
        assertThat(row.quarterText(row.quarters().get(0).forecast())).isEqualTo("+21");
        assertThat(row.quarters().get(0).rag()).isEqualTo(Rag.RED);
        assertThat(row.quarters().get(1).rag()).isEqualTo(Rag.GREEN);
        assertThat(row.quarters().get(2).rag()).isEqualTo(Rag.GREEN);
        assertThat(row.varianceText(row.quarters().get(0))).isEqualTo("\u22127");
    }

    @Test
    void asLeftIsNeverBelowZeroAndUsesForecastsOfQuartersNotYetFinished() {
        QuarterState[] inQ2 = KpiArithmetic.states(YEAR, LocalDate.of(2023, 8, 1));
        KpiTarget target = target(1, 100, null, KpiForecast.of(1, 30), KpiForecast.of(2, 30), KpiForecast.asLeft(3),
                KpiForecast.asLeft(4));
        // Q1 finished at 50; Q2 in progress so its forecast of 30 counts; Q3 as left = 100 - 80 = 20; Q4 = 0.
        Long[] forecasts = KpiArithmetic.forecasts(target, new Long[] {50L, 5L, null, null}, inQ2);
        assertThat(forecasts).containsExactly(30L, 30L, 20L, 0L);

        KpiTarget overshot = target(1, 10, 5, KpiForecast.of(1, 5), KpiForecast.asLeft(2), null, null);
        assertThat(KpiArithmetic.forecasts(overshot, new Long[] {9L, null, null, null}, inQ2))
                .containsExactly(5L, 0L, null, null);
    }

    @Test
    void contractsAreSummedAfterEachWorksOutItsOwnAsLeft() {
        KpiDefinition kpi = entered("K", KpiDisplay.INCREMENTS);
        KpiTarget a = target(1, 10, null, KpiForecast.of(1, 4), KpiForecast.asLeft(2), null, null);
        KpiTarget b = target(2, 10, null, KpiForecast.of(1, 4), KpiForecast.asLeft(2), null, null);
        KpiRow row = KpiArithmetic.countRow(kpi, List.of(a, b),
                Map.of(1L, new Long[] {12L, 1L, null, null}, 2L, new Long[] {2L, 3L, null, null}), ALL_FINISHED,
                false, RagThreshold.DEFAULT, YEAR, Map.of()).row();
        // a has nothing left (never below 0), b has 8 left: 8, where the summed row would give 20 - 14 = 6.
        assertThat(row.quarters().get(1).forecast()).isEqualByComparingTo("8");
        assertThat(row.quarters().get(0).actual()).isEqualByComparingTo("14");
        assertThat(row.quarters().get(2).actual()).isNull();
        assertThat(row.total()).isEqualByComparingTo("20");
        assertThat(row.cumulative()).isEqualByComparingTo("18");
    }

    @Test
    void runningTotalsAndRatios() {
        KpiDefinition kpi = entered("K", KpiDisplay.RUNNING_TOTALS);
        KpiTarget t = target(1, 40, null, KpiForecast.of(1, 10), KpiForecast.of(2, 10), KpiForecast.of(3, 10),
                KpiForecast.of(4, 10));
        KpiArithmetic.Row row = KpiArithmetic.countRow(kpi, List.of(t), Map.of(1L, new Long[] {8L, 12L, 9L, 11L}),
                ALL_FINISHED, false, RagThreshold.DEFAULT, YEAR, Map.of());
        assertThat(row.row().quarters()).extracting(KpiCell::forecast).extracting(BigDecimal::intValue)
                .containsExactly(10, 20, 30, 40);
        assertThat(row.row().quarters()).extracting(KpiCell::actual).extracting(BigDecimal::intValue)
                .containsExactly(8, 20, 29, 40);
        assertThat(row.row().quarters()).extracting(KpiCell::rag)
                .containsExactly(Rag.RED, Rag.GREEN, Rag.AMBER, Rag.GREEN);

        KpiDefinition ratio = new KpiDefinition(9, 1, "CONVERSION", "Conversion", 9, KpiSource.RATIO, null, Map.of(),
                CountingRule.EVERY, KpiDisplay.INCREMENTS, "JOBS", "ENGAGED,OTHER", new BigDecimal("40.0"));
        KpiRow ratioRow = KpiArithmetic.ratioRow(ratio, Map.of("JOBS", new Long[] {4L, 3L, 0L, null},
                "ENGAGED", new Long[] {10L, 5L, 0L, null}, "OTHER", new Long[] {0L, 1L, 0L, null}),
                KpiArithmetic.states(YEAR, LocalDate.of(2024, 2, 1)), RagThreshold.DEFAULT, YEAR);
        assertThat(ratioRow.quarters()).extracting(KpiCell::actual)
                .containsExactly(new BigDecimal("40.0"), new BigDecimal("50.0"), null, null);
        assertThat(ratioRow.quarters()).extracting(KpiCell::rag).containsExactly(Rag.GREEN, Rag.GREEN, Rag.NONE,
                Rag.NONE);
        assertThat(ratioRow.cumulative()).isEqualByComparingTo("43.8");
        assertThat(ratioRow.text(ratioRow.cumulative())).isEqualTo("43.8%");
    }

    @Test
    void quartersFinishTheDayAfterTheirLastDay() {
        assertThat(KpiArithmetic.state(YEAR.quarter(3), LocalDate.of(2023, 12, 30))).isEqualTo(QuarterState.IN_PROGRESS);
        assertThat(KpiArithmetic.state(YEAR.quarter(3), LocalDate.of(2023, 12, 31))).isEqualTo(QuarterState.FINISHED);
        assertThat(KpiArithmetic.state(YEAR.quarter(4), LocalDate.of(2023, 12, 31))).isEqualTo(QuarterState.NOT_STARTED);
        assertThat(KpiArithmetic.state(YEAR.quarter(4), LocalDate.of(2023, 12, 31))).isEqualTo(QuarterState.NOT_STARTED);
    }

    private static KpiDefinition entered(String code, KpiDisplay display) {
        return new KpiDefinition(1, 1, code, code, 1, KpiSource.ENTERED, null, Map.of(), CountingRule.EVERY, display,
                null, null, null);
    }

    private static KpiTarget target(long contractId, int total, Integer baseline, KpiForecast q1, KpiForecast q2,
            KpiForecast q3, KpiForecast q4) {
        return new KpiTarget(contractId, 1, contractId, 2023, total, baseline, List.of(q1, q2,
                q3 == null ? KpiForecast.none(3) : q3, q4 == null ? KpiForecast.none(4) : q4));
    }
}
