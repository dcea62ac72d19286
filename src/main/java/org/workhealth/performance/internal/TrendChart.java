package org.workhealth.performance.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.workhealth.calendar.Quarter;
import org.workhealth.performance.KpiRow;
import org.workhealth.performance.KpiCell;
import org.workhealth.performance.KpiUnit;

/**
 * A small chart of values per category (such as quarters), for one or more series (such as
 * "Forecast" and "Actual"), drawn on the server as accessible SVG and always shown with a table of
 * the same numbers (fragment {@code performance/chart :: chart(chart)}).
 *
 * @param id         unique on the page: the SVG's and table's ids start with it
 * @param title      what the chart shows; the SVG's title and the table's caption
 * @param categories the labels along the axis, like "Q1" to "Q4"
 * @param series     the values, one per category each; a null value is a gap
 * @param style      grouped bars or lines
 * @param suffix     written after every value, like "%"; empty for counts
 */
public record TrendChart(String id, String title, List<String> categories, List<Series> series, Style style,
        String suffix) {

    public enum Style {
        BARS, LINES
    }

    /** @param values one per category; null where there is no figure */
    public record Series(String name, List<BigDecimal> values) {

        public Series {
            Objects.requireNonNull(name, "name");
            values = Collections.unmodifiableList(new ArrayList<>(values));
        }

        public BigDecimal value(int category) {
            return values.get(category);
        }
    }

    public TrendChart {
        Objects.requireNonNull(title, "title");
        id = id == null || id.isBlank() ? idFrom(title) : idFrom(id);
        categories = List.copyOf(categories);
        series = List.copyOf(series);
        style = style == null ? Style.BARS : style;
        suffix = suffix == null ? "" : suffix;
        for (Series s : series) {
            if (s.values().size() != categories.size()) {
                throw new IllegalArgumentException("Series " + s.name() + " has " + s.values().size()
                        + " values for " + categories.size() + " categories");
            }
        }
    }

    public TrendChart(String title, List<String> categories, List<Series> series) {
        this(null, title, categories, series, Style.BARS, "");
    }

    /** A KPI's forecast and actual for each quarter of the year, as grouped bars. */
    public static TrendChart of(KpiRow row) {
        List<String> quarters = row.quarters().stream().map(c -> label(c.quarter())).toList();
        List<BigDecimal> forecasts = row.quarters().stream().map(KpiCell::forecast).toList();
        List<BigDecimal> actuals = row.quarters().stream().map(KpiCell::actual).toList();
        return new TrendChart("chart-" + row.code(), row.name() + ": forecast and actual by quarter", quarters,
                List.of(new Series("Forecast", forecasts), new Series("Actual", actuals)), Style.BARS,
                row.unit() == KpiUnit.PERCENT ? "%" : "");
    }

    private static String label(Quarter quarter) {
        return "Q" + quarter.number();
    }

    /** The chart as SVG markup, to place in a page as it is (every text in it is escaped). */
    public String svg() {
        return ChartSvg.trend(this);
    }

    /** A value as the chart and table show it, like "1,250" or "12.5%"; "No figure" for a gap. */
    public String format(BigDecimal value) {
        return value == null ? "No figure" : SvgPieces.number(value) + suffix;
    }

    public String tableId() {
        return id + "-table";
    }

    /** Table rows: the category, then each series' value formatted. */
    public List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < categories.size(); i++) {
            List<String> row = new ArrayList<>();
            row.add(categories.get(i));
            for (Series s : series) {
                row.add(format(s.value(i)));
            }
            rows.add(row);
        }
        return rows;
    }

    private static String idFrom(String text) {
        String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+)|(-+$)", "");
        if (slug.isEmpty() || !Character.isLetter(slug.charAt(0))) {
            slug = "chart-" + slug;
        }
        return slug;
    }
}
