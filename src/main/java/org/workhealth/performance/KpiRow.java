package org.workhealth.performance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.workhealth.performance.internal.KpiDisplay;
import org.workhealth.performance.internal.QuarterState;

/**
 * One KPI across a financial year, in the shape of the board tables: total target, baseline, a
 * forecast and actual per quarter, and the cumulative total (baseline plus the year's actuals).
 *
 * @param display  whether quarters show increments ("+21") or running totals
 * @param total    the target for the whole period; null when none is set
 * @param baseline what was achieved before this financial year; null when none is set
 * @param quarters the four quarters, April to March
 */
public record KpiRow(String code, String name, KpiUnit unit, KpiDisplay display, BigDecimal total,
        BigDecimal baseline, List<KpiCell> quarters, BigDecimal cumulative) {

    public KpiRow {
        quarters = List.copyOf(quarters);
    }

    /** A value as the table shows it: a whole number, or a percentage to one decimal place. */
    public String text(BigDecimal value) {
        if (value == null) {
            return "";
        }
        return unit == KpiUnit.PERCENT ? value.setScale(1, RoundingMode.HALF_UP).toPlainString() + "%"
                : value.setScale(0, RoundingMode.HALF_UP).toPlainString();
    }

    /** A quarter's figure: increments of a count are signed, as the board tables write them ("+21"). */
    public String quarterText(BigDecimal value) {
        if (value == null) {
            return "";
        }
        boolean signed = unit == KpiUnit.COUNT && display == KpiDisplay.INCREMENTS;
        return (signed && value.signum() >= 0 ? "+" : "") + text(value);
    }

    /** The quarters ("Q1", "Q2") whose figure includes one entered by hand before the record counted the KPI. */
    public List<String> enteredQuarters() {
        return quarters.stream().filter(cell -> cell.entered() != null).map(cell -> "Q" + cell.quarter().number())
                .toList();
    }

    public String totalText() {
        return total == null ? "Not set" : text(total);
    }

    public String baselineText() {
        return baseline == null ? "None" : text(baseline);
    }

    public String cumulativeText() {
        return cumulative == null ? "" : text(cumulative);
    }

    /** The forecast, worked out when "as left"; the words "as left" are shown beside it by the page. */
    public String forecastText(KpiCell cell) {
        return cell.forecast() == null ? "None" : quarterText(cell.forecast());
    }

    public String actualText(KpiCell cell) {
        if (cell.state() == QuarterState.NOT_STARTED) {
            return "Not started";
        }
        if (cell.actual() == null) {
            return "No figure yet";
        }
        return quarterText(cell.actual()) + (cell.state() == QuarterState.IN_PROGRESS ? " so far" : "");
    }

    /** Actual less forecast, signed; percentage points for a ratio. */
    public String varianceText(KpiCell cell) {
        if (cell.variance() == null) {
            return null;
        }
        String number = (cell.variance().signum() > 0 ? "+" : cell.variance().signum() < 0 ? "\u2212" : "")
                + text(cell.variance().abs());
        return unit == KpiUnit.PERCENT ? number.replace("%", " points") : number;
    }
}
