package org.workhealth.performance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.workhealth.calendar.FinancialYear;
import org.workhealth.calendar.Quarter;
import org.workhealth.performance.internal.KpiDisplay;
import org.workhealth.performance.internal.KpiForecast;
import org.workhealth.performance.internal.KpiTarget;
import org.workhealth.performance.internal.QuarterState;
import org.workhealth.performance.internal.Rag;
import org.workhealth.performance.internal.RagThreshold;

/**
 * The sums of a KPI table, apart from any database: as-left forecasts, summing contracts, running
 * totals, variance, RAG and the cumulative total.
 */
final class KpiArithmetic {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private KpiArithmetic() {
    }

    /** A quarter has finished the day after its last day; it is in progress on the days it contains. */
    static QuarterState state(Quarter quarter, LocalDate asOf) {
        // A table is drawn up as at the end of asOf, so a quarter has finished once asOf reaches its last day.
        if (!asOf.isBefore(quarter.end())) {
            return QuarterState.FINISHED;
        }
        return quarter.contains(asOf) ? QuarterState.IN_PROGRESS : QuarterState.NOT_STARTED;
    }

    static QuarterState[] states(FinancialYear year, LocalDate asOf) {
        QuarterState[] states = new QuarterState[4];
        for (int q = 1; q <= 4; q++) {
            states[q - 1] = state(year.quarter(q), asOf);
        }
        return states;
    }

    /**
     * One contract's forecasts with "as left" worked out: the total less the baseline and each earlier
     * quarter (its actual when the quarter has finished and has one, else its forecast), never below 0.
     *
     * @param actuals the contract's actual per quarter, null where there is none
     * @return four forecasts, null where none is set
     */
    static Long[] forecasts(KpiTarget target, Long[] actuals, QuarterState[] states) {
        Long[] forecasts = new Long[4];
        long sofar = target.baseline() == null ? 0 : target.baseline();
        for (int q = 1; q <= 4; q++) {
            KpiForecast forecast = target.forecast(q);
            if (forecast.asLeft()) {
                forecasts[q - 1] = Math.max(0, target.total() - sofar);
            } else if (forecast.forecast() != null) {
                forecasts[q - 1] = forecast.forecast().longValue();
            }
            Long actual = actuals[q - 1];
            if (states[q - 1] == QuarterState.FINISHED && actual != null) {
                sofar += actual;
            } else if (forecasts[q - 1] != null) {
                sofar += forecasts[q - 1];
            }
        }
        return forecasts;
    }

    /**
     * A counted or entered KPI's row: targets and forecasts summed over contracts (each contract's "as
     * left" worked out on its own figures first), actuals summed likewise.
     *
     * @param targets        the targets of the contracts in the table for this KPI
     * @param actuals        per contract, the actual per quarter (null where there is none)
     * @param zeroWhenNone   counted KPIs are 0 in a started quarter with nothing counted; entered ones have no figure
     * @param notes          per quarter (1 to 4), what the figure's enterer noted
     */
    static Row countRow(KpiDefinition definition, Collection<KpiTarget> targets, Map<Long, Long[]> actuals,
            QuarterState[] states, boolean zeroWhenNone, RagThreshold threshold, FinancialYear year,
            Map<Integer, String> notes) {
        boolean[] zero = {zeroWhenNone, zeroWhenNone, zeroWhenNone, zeroWhenNone};
        return countRow(definition, targets, actuals, states, zero, threshold, year, notes, new Long[4]);
    }

    /**
     * As above, for a KPI counted from the record whose actuals include figures entered by hand for the time
     * before the record counted it.
     *
     * @param zeroWhenNone per quarter: counted (0 when nothing was), or wholly before counting began (no figure
     *                     until one is entered)
     * @param entered per quarter, the part of the actuals (over every contract) that was entered; null where none
     */
    static Row countRow(KpiDefinition definition, Collection<KpiTarget> targets, Map<Long, Long[]> actuals,
            QuarterState[] states, boolean[] zeroWhenNone, RagThreshold threshold, FinancialYear year,
            Map<Integer, String> notes, Long[] entered) {
        Long total = null;
        Long baseline = null;
        Long[] forecast = new Long[4];
        boolean[] asLeft = new boolean[4];
        Long[] none = new Long[4];
        for (KpiTarget target : targets) {
            total = plus(total, (long) target.total());
            baseline = plus(baseline, target.baseline() == null ? null : target.baseline().longValue());
            Long[] contractActuals = actuals.getOrDefault(target.contractId(), none).clone();
            for (int q = 0; q < 4; q++) {
                // Nothing counted in a started quarter is an actual of 0, which "as left" must see as such.
                if (zeroWhenNone[q] && contractActuals[q] == null && states[q] != QuarterState.NOT_STARTED) {
                    contractActuals[q] = 0L;
                }
            }
            Long[] own = forecasts(target, contractActuals, states);
            for (int q = 0; q < 4; q++) {
                forecast[q] = plus(forecast[q], own[q]);
                asLeft[q] |= target.forecast(q + 1).asLeft();
            }
        }
        Long[] actual = new Long[4];
        for (int q = 0; q < 4; q++) {
            if (states[q] == QuarterState.NOT_STARTED) {
                continue;
            }
            for (Long[] contract : actuals.values()) {
                actual[q] = plus(actual[q], contract[q]);
            }
            if (actual[q] == null && zeroWhenNone[q]) {
                actual[q] = 0L;
            }
        }
        boolean running = definition.display() == KpiDisplay.RUNNING_TOTALS;
        List<KpiCell> cells = new ArrayList<>();
        long forecastRun = 0;
        long actualRun = 0;
        long cumulative = baseline == null ? 0 : baseline;
        for (int q = 0; q < 4; q++) {
            forecastRun += forecast[q] == null ? 0 : forecast[q];
            actualRun += actual[q] == null ? 0 : actual[q];
            cumulative += actual[q] == null ? 0 : actual[q];
            BigDecimal shownForecast = forecast[q] == null ? null : count(running ? forecastRun : forecast[q]);
            BigDecimal shownActual = actual[q] == null ? null : count(running ? actualRun : actual[q]);
            KpiCell cell = cell(year.quarter(q + 1), states[q], shownForecast, asLeft[q], shownActual, threshold,
                    notes.get(q + 1));
            cells.add(entered[q] == null || states[q] == QuarterState.NOT_STARTED ? cell
                    : new KpiCell(cell.quarter(), cell.state(), cell.forecast(), cell.asLeft(), cell.actual(),
                            cell.variance(), cell.rag(), cell.note(), count(entered[q])));
        }
        KpiRow row = new KpiRow(definition.code(), definition.name(), KpiUnit.COUNT, definition.display(),
                total == null ? null : count(total), baseline == null ? null : count(baseline), cells,
                count(cumulative));
        return new Row(row, actual);
    }

    /**
     * A ratio row: the sum of the numerator KPIs' actuals over the sum of the denominator KPIs', as a
     * percentage to one decimal place; its forecast each quarter is the target percentage. The
     * cumulative column is the ratio over the year so far.
     *
     * @param increments each counted KPI's actual per quarter, by code
     */
    static KpiRow ratioRow(KpiDefinition definition, Map<String, Long[]> increments, QuarterState[] states,
            RagThreshold threshold, FinancialYear year) {
        long[] numerator = sums(definition.numeratorCodes(), increments);
        long[] denominator = sums(definition.denominatorCodes(), increments);
        boolean running = definition.display() == KpiDisplay.RUNNING_TOTALS;
        List<KpiCell> cells = new ArrayList<>();
        long numeratorRun = 0;
        long denominatorRun = 0;
        for (int q = 0; q < 4; q++) {
            numeratorRun += numerator[q];
            denominatorRun += denominator[q];
            BigDecimal actual = null;
            if (states[q] != QuarterState.NOT_STARTED) {
                actual = running ? percent(numeratorRun, denominatorRun) : percent(numerator[q], denominator[q]);
            }
            cells.add(cell(year.quarter(q + 1), states[q], definition.targetPercent(), false, actual, threshold,
                    null));
        }
        return new KpiRow(definition.code(), definition.name(), KpiUnit.PERCENT, definition.display(),
                definition.targetPercent(), null, cells, percent(numeratorRun, denominatorRun));
    }

    private static KpiCell cell(Quarter quarter, QuarterState state, BigDecimal forecast, boolean asLeft,
            BigDecimal actual, RagThreshold threshold, String note) {
        BigDecimal variance = forecast == null || actual == null ? null : actual.subtract(forecast);
        Rag rag = state == QuarterState.FINISHED ? threshold.rate(actual, forecast) : Rag.NONE;
        return new KpiCell(quarter, state, forecast, asLeft, actual, variance, rag, note);
    }

    private static long[] sums(List<String> codes, Map<String, Long[]> increments) {
        long[] sums = new long[4];
        for (String code : codes) {
            Long[] values = increments.get(code);
            if (values != null) {
                for (int q = 0; q < 4; q++) {
                    sums[q] += values[q] == null ? 0 : values[q];
                }
            }
        }
        return sums;
    }

    static BigDecimal percent(long numerator, long denominator) {
        if (denominator == 0) {
            return null;
        }
        return BigDecimal.valueOf(numerator).multiply(HUNDRED).divide(BigDecimal.valueOf(denominator), 1,
                RoundingMode.HALF_UP);
    }

    private static BigDecimal count(long value) {
        return BigDecimal.valueOf(value);
    }

    private static Long plus(Long sum, Long value) {
        if (value == null) {
            return sum;
        }
        return sum == null ? value : sum + value;
    }

    /** A row and the actual increments it was drawn from, which ratio rows are computed from. */
    record Row(KpiRow row, Long[] increments) {
    }
}
