package org.workhealth.performance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.workhealth.calendar.FinancialYear;
import org.workhealth.calendar.Quarter;
import org.workhealth.performance.internal.KpiDisplay;
import org.workhealth.performance.internal.QuarterState;
import org.workhealth.performance.internal.Rag;
import org.workhealth.performance.internal.RagThreshold;

/**
 * KPI tables built by hand in the shape of the tables of Thrive Programmes: Update (WMCA Wellbeing
 * Board, 6 March 2024; docs/sources.md), 2023/24 to the end of Q3.
 */
final class BoardReportSamples {

    static final FinancialYear YEAR = FinancialYear.of(2023);
    static final Quarter Q3 = YEAR.quarter(3);

    /** Thrive into Work: KPI, total, then forecast and actual for Q1 to Q3; Q4 forecast only (N/A actual). */
    static final Object[][] THRIVE_INTO_WORK = {
            {"Engagements (Out of Work)", 1343, 386, 430, 409, 496, 423, 417, 423},
            {"Engagements (In Work)", 412, 128, 141, 137, 133, 141, 138, 141},
            {"New Employment Starts", 313, 60, 107, 142, 107, 156, 99, 156},
            {"Existing Employment Retentions", 186, 26, 39, 63, 70, 72, 77, 72}};

    private BoardReportSamples() {
    }

    static BoardReport report() {
        return new BoardReport(Q3, Q3.end(), List.of(thriveIntoWork(), thriveAtWork()));
    }

    /** The report's Thrive into Work table, drawn up at the end of Q3 so that Q4 has not started. */
    static KpiTable thriveIntoWork() {
        List<KpiRow> rows = new ArrayList<>();
        for (Object[] seed : THRIVE_INTO_WORK) {
            List<KpiCell> cells = new ArrayList<>();
            BigDecimal sum = BigDecimal.ZERO;
            for (int q = 1; q <= 3; q++) {
                BigDecimal forecast = number(seed[2 * q]);
                BigDecimal actual = number(seed[2 * q + 1]);
                sum = sum.add(actual);
                cells.add(new KpiCell(YEAR.quarter(q), QuarterState.FINISHED, forecast, false, actual,
                        actual.subtract(forecast), RagThreshold.DEFAULT.rate(actual, forecast), null));
            }
            cells.add(new KpiCell(YEAR.quarter(4), QuarterState.NOT_STARTED, number(seed[8]), false, null, null,
                    Rag.NONE, null));
            String name = (String) seed[0];
            rows.add(new KpiRow(name.toUpperCase().replaceAll("[^A-Z]+", "_"), name, KpiUnit.COUNT,
                    KpiDisplay.INCREMENTS, number(seed[1]), null, cells, sum));
        }
        return new KpiTable(1L, "TIW", "Thrive into Work", "West Midlands Combined Authority", List.of(11L, 12L), YEAR,
                Q3.end(), rows);
    }

    /**
     * Thrive at Work's sign-ups: baseline 54, +21 forecast a quarter, Q4 "as left" (126 less 114 so far = 12)
     * with 12 "to February"; and a percentage KPI with no forecast.
     */
    static KpiTable thriveAtWork() {
        LocalDate asOf = LocalDate.of(2024, 2, 29);
        List<KpiCell> signUps = List.of(
                finished(1, 21, 14), finished(2, 21, 24), finished(3, 21, 22),
                new KpiCell(YEAR.quarter(4), QuarterState.IN_PROGRESS, number(12), true, number(12), BigDecimal.ZERO,
                        Rag.NONE, "to February"));
        List<KpiCell> rate = List.of(
                new KpiCell(YEAR.quarter(1), QuarterState.FINISHED, null, false, new BigDecimal("40.5"), null,
                        Rag.NONE, null),
                new KpiCell(YEAR.quarter(2), QuarterState.FINISHED, null, false, null, null, Rag.NONE, null),
                new KpiCell(YEAR.quarter(3), QuarterState.FINISHED, null, false, null, null, Rag.NONE, null),
                new KpiCell(YEAR.quarter(4), QuarterState.IN_PROGRESS, null, false, null, null, Rag.NONE, null));
        return new KpiTable(2L, "TAW", "Thrive at Work", "West Midlands Combined Authority", List.of(21L), YEAR,
                asOf, List.of(
                        new KpiRow("SIGN_UPS", "Sign-ups", KpiUnit.COUNT, KpiDisplay.INCREMENTS, number(126), number(54),
                                signUps, number(126)),
                        new KpiRow("RATE", "Accreditation rate", KpiUnit.PERCENT, KpiDisplay.RUNNING_TOTALS, null, null,
                                rate, null)));
    }

    private static KpiCell finished(int quarter, int forecast, int actual) {
        return new KpiCell(YEAR.quarter(quarter), QuarterState.FINISHED, number(forecast), false, number(actual),
                number(actual - forecast), RagThreshold.DEFAULT.rate(number(actual), number(forecast)), null);
    }

    static BigDecimal number(Object value) {
        return new BigDecimal(String.valueOf(value));
    }
}
