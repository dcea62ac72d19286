package org.workhealth.performance;

import java.math.BigDecimal;

import org.workhealth.calendar.Quarter;
import org.workhealth.performance.internal.QuarterState;
import org.workhealth.performance.internal.Rag;

/**
 * One quarter of one KPI row.
 *
 * @param forecast  the forecast, worked out already when it is "as left"; null when none was set
 * @param asLeft    whether the forecast is "as left": the target less the total so far
 * @param actual    the actual for the quarter (an increment, or the running total when the row shows
 *                  running totals); null when the quarter has not started or no figure was entered
 * @param variance  actual less forecast; null when either is missing
 * @param rag       the rating; {@link Rag#NONE} for quarters not finished or without a forecast
 * @param note      what the figure's enterer said of it, for example "to February"; null if nothing
 * @param entered   for a KPI counted from the record, the part of the actual entered by hand for the time before
 *                  the record counted it (the quarter's baseline); null when none was
 */
public record KpiCell(Quarter quarter, QuarterState state, BigDecimal forecast, boolean asLeft, BigDecimal actual,
        BigDecimal variance, Rag rag, String note, BigDecimal entered) {

    /** A cell with nothing entered by hand into a counted figure. */
    public KpiCell(Quarter quarter, QuarterState state, BigDecimal forecast, boolean asLeft, BigDecimal actual,
            BigDecimal variance, Rag rag, String note) {
        this(quarter, state, forecast, asLeft, actual, variance, rag, note, null);
    }
}
