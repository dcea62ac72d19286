package org.workhealth.performance.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.workhealth.performance.internal.SvgPieces.*;

/**
 * Draws charts as SVG on the server, so they need no JavaScript. Each is an image with a title and a
 * description that reads out every number ({@code role="img"}, {@code aria-labelledby}), and is
 * always shown beside a table of the same numbers. Series differ by pattern or dash as well as by
 * colour, and the legend names them in words. Coordinates are doubles: they are only geometry, the
 * numbers written out come from the {@link BigDecimal} values themselves.
 */
public final class ChartSvg {

    private ChartSvg() {
    }

    static String trend(TrendChart chart) {
        Scale scale = Scale.of(values(chart));
        int categories = chart.categories().size();
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotBottom = HEIGHT - BOTTOM;
        double groupWidth = categories == 0 ? plotWidth : plotWidth / categories;

        StringBuilder svg = open(chart.id(), chart.title(), description(chart), WIDTH, HEIGHT);
        defs(svg, chart);
        // Gridlines and value labels of the vertical axis.
        for (BigDecimal tick : scale.ticks()) {
            double y = scale.y(tick.doubleValue(), TOP, plotBottom);
            svg.append(line(LEFT, y, WIDTH - RIGHT, y, tick.signum() == 0 ? TEXT : GRID, 1, null));
            svg.append(text(LEFT - 8, y + 4, "end", number(tick) + chart.suffix(), "chart-axis-label"));
        }
        svg.append(line(LEFT, TOP, LEFT, plotBottom, TEXT, 1, null));
        for (int i = 0; i < categories; i++) {
            svg.append(text(LEFT + groupWidth * i + groupWidth / 2, plotBottom + 20, "middle",
                    chart.categories().get(i), "chart-category-label"));
        }
        if (chart.style() == TrendChart.Style.LINES) {
            lines(svg, chart, scale, groupWidth, plotBottom);
        } else {
            bars(svg, chart, scale, groupWidth, plotBottom);
        }
        legend(svg, chart);
        return svg.append("</svg>").toString();
    }

    private static void bars(StringBuilder svg, TrendChart chart, Scale scale, double groupWidth,
            double plotBottom) {
        int count = chart.series().size();
        double barWidth = count == 0 ? 0 : groupWidth * 0.7 / count;
        double zero = scale.y(0, TOP, plotBottom);
        for (int s = 0; s < count; s++) {
            TrendChart.Series series = chart.series().get(s);
            for (int i = 0; i < chart.categories().size(); i++) {
                BigDecimal value = series.value(i);
                if (value == null) {
                    continue; // a gap: nothing is drawn, and the table says "No figure"
                }
                double x = LEFT + groupWidth * i + groupWidth * 0.15 + barWidth * s;
                double y = scale.y(value.doubleValue(), TOP, plotBottom);
                double top = Math.min(y, zero);
                double height = Math.abs(zero - y);
                svg.append("<rect class=\"chart-bar\" data-series=\"").append(escape(series.name()))
                        .append("\" data-category=\"").append(escape(chart.categories().get(i)))
                        .append("\" data-value=\"").append(value.toPlainString())
                        .append("\" x=\"").append(f(x)).append("\" y=\"").append(f(top))
                        .append("\" width=\"").append(f(barWidth)).append("\" height=\"").append(f(height))
                        .append("\" fill=\"").append(fill(chart, s)).append("\" stroke=\"").append(colour(s))
                        .append("\" stroke-width=\"1\"/>");
                svg.append(text(x + barWidth / 2, top - 4, "middle", number(value) + chart.suffix(),
                        "chart-value-label"));
            }
        }
    }

    private static void lines(StringBuilder svg, TrendChart chart, Scale scale, double groupWidth,
            double plotBottom) {
        for (int s = 0; s < chart.series().size(); s++) {
            TrendChart.Series series = chart.series().get(s);
            StringBuilder path = new StringBuilder();
            boolean pen = false;
            for (int i = 0; i < chart.categories().size(); i++) {
                BigDecimal value = series.value(i);
                if (value == null) {
                    pen = false; // a gap: the line stops and starts again after it
                    continue;
                }
                double x = LEFT + groupWidth * i + groupWidth / 2;
                double y = scale.y(value.doubleValue(), TOP, plotBottom);
                path.append(pen ? " L " : (path.isEmpty() ? "M " : " M ")).append(f(x)).append(' ').append(f(y));
                pen = true;
            }
            if (!path.isEmpty()) {
                svg.append("<path class=\"chart-line\" data-series=\"").append(escape(series.name()))
                        .append("\" d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(colour(s))
                        .append("\" stroke-width=\"3\"");
                if (DASHES[s % DASHES.length] != null) {
                    svg.append(" stroke-dasharray=\"").append(DASHES[s % DASHES.length]).append('"');
                }
                svg.append("/>");
            }
            for (int i = 0; i < chart.categories().size(); i++) {
                BigDecimal value = series.value(i);
                if (value != null) {
                    double x = LEFT + groupWidth * i + groupWidth / 2;
                    double y = scale.y(value.doubleValue(), TOP, plotBottom);
                    svg.append(marker(s, x, y, series.name(), chart.categories().get(i), value));
                    // Alternate series label above and below their points, so that close values stay readable.
                    svg.append(text(x, s % 2 == 0 ? y - 10 : y + 22, "middle", number(value) + chart.suffix(),
                            "chart-value-label"));
                }
            }
        }
    }

    /** Markers differ in shape as well as colour: squares, circles, diamonds, triangles. No value: a legend key. */
    private static String marker(int s, double x, double y, String series, String category, BigDecimal value) {
        String data = value == null ? " class=\"chart-legend-key\" fill=\"" + colour(s) + "\""
                : " class=\"chart-point\" data-series=\"" + escape(series) + "\" data-category=\""
                        + escape(category) + "\" data-value=\"" + value.toPlainString() + "\" fill=\"" + colour(s)
                        + "\"";
        return switch (s % 4) {
            case 0 -> "<rect" + data + " x=\"" + f(x - 5) + "\" y=\"" + f(y - 5) + "\" width=\"10\" height=\"10\"/>";
            case 1 -> "<circle" + data + " cx=\"" + f(x) + "\" cy=\"" + f(y) + "\" r=\"5\"/>";
            case 2 -> "<polygon" + data + " points=\"" + f(x) + "," + f(y - 6) + " " + f(x + 6) + "," + f(y) + " "
                    + f(x) + "," + f(y + 6) + " " + f(x - 6) + "," + f(y) + "\"/>";
            default -> "<polygon" + data + " points=\"" + f(x) + "," + f(y - 6) + " " + f(x + 6) + "," + f(y + 5)
                    + " " + f(x - 6) + "," + f(y + 5) + "\"/>";
        };
    }

    private static void legend(StringBuilder svg, TrendChart chart) {
        double x = LEFT;
        double y = HEIGHT - 24;
        for (int s = 0; s < chart.series().size(); s++) {
            String name = chart.series().get(s).name();
            if (chart.style() == TrendChart.Style.LINES) {
                svg.append(line(x, y, x + 28, y, colour(s), 3, DASHES[s % DASHES.length]));
                svg.append(marker(s, x + 14, y, null, null, null));
            } else {
                svg.append("<rect class=\"chart-legend-key\" x=\"").append(f(x)).append("\" y=\"").append(f(y - 8))
                        .append("\" width=\"28\" height=\"16\" fill=\"").append(fill(chart, s))
                        .append("\" stroke=\"").append(colour(s)).append("\"/>");
            }
            svg.append(text(x + 36, y + 5, "start", name, "chart-legend-label"));
            x += 36 + 9 * name.length() + 32;
        }
    }

    /** A hatched pattern for the first series and every third one after, so bars differ without colour. */
    private static void defs(StringBuilder svg, TrendChart chart) {
        svg.append("<defs>");
        for (int s = 0; s < chart.series().size(); s += 2) {
            svg.append("<pattern id=\"").append(patternId(chart, s)).append("\" patternUnits=\"userSpaceOnUse\" ")
                    .append("width=\"8\" height=\"8\" patternTransform=\"rotate(45)\">")
                    .append("<rect width=\"8\" height=\"8\" fill=\"#ffffff\"/>")
                    .append("<rect width=\"3\" height=\"8\" fill=\"").append(colour(s)).append("\"/></pattern>");
        }
        svg.append("</defs>");
    }

    private static String fill(TrendChart chart, int s) {
        return s % 2 == 0 ? "url(#" + patternId(chart, s) + ")" : colour(s);
    }

    private static String patternId(TrendChart chart, int s) {
        return chart.id() + "-pattern-" + s;
    }

    private static String colour(int s) {
        return COLOURS[s % COLOURS.length];
    }

    /** Every number in words, for screen readers: "Q1: Forecast 10, Actual no figure." */
    private static String description(TrendChart chart) {
        StringBuilder text = new StringBuilder(chart.style() == TrendChart.Style.LINES ? "Line chart" : "Bar chart")
                .append(" of ").append(String.join(" and ", chart.series().stream()
                        .map(TrendChart.Series::name).toList())).append('.');
        for (int i = 0; i < chart.categories().size(); i++) {
            text.append(' ').append(chart.categories().get(i)).append(": ");
            List<String> parts = new ArrayList<>();
            for (TrendChart.Series s : chart.series()) {
                BigDecimal value = s.value(i);
                parts.add(s.name() + " " + (value == null ? "no figure" : number(value) + chart.suffix()));
            }
            text.append(String.join(", ", parts)).append('.');
        }
        return text.toString();
    }

    private static List<BigDecimal> values(TrendChart chart) {
        return chart.series().stream().flatMap(s -> s.values().stream()).filter(Objects::nonNull).toList();
    }

    // --- horizontal bars ---

    /** One bar of a horizontal bar chart. */
    public record Bar(String label, long value) {
    }

    /**
     * Horizontal bars of one series, longest first or in the order given, each with its label on the
     * left and its value at its end: colour carries no meaning here.
     */
    public static String horizontal(String id, String title, List<Bar> bars) {
        double labelWidth = 200;
        double rowHeight = 36;
        double width = WIDTH;
        double height = TOP + rowHeight * bars.size() + 16;
        long max = Math.max(1, bars.stream().mapToLong(Bar::value).max().orElse(0));
        double plotWidth = width - labelWidth - 80;
        StringBuilder description = new StringBuilder("Bar chart.");
        bars.forEach(b -> description.append(' ').append(b.label()).append(": ").append(number(BigDecimal
                .valueOf(b.value()))).append('.'));
        StringBuilder svg = open(id, title, description.toString(), width, height);
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double y = TOP + rowHeight * i;
            double length = plotWidth * bar.value() / max;
            svg.append(text(labelWidth - 8, y + rowHeight / 2 + 4, "end", bar.label(), "chart-category-label"));
            svg.append("<rect class=\"chart-bar\" data-category=\"").append(escape(bar.label()))
                    .append("\" data-value=\"").append(bar.value()).append("\" x=\"").append(f(labelWidth))
                    .append("\" y=\"").append(f(y + 6)).append("\" width=\"").append(f(length))
                    .append("\" height=\"").append(f(rowHeight - 12)).append("\" fill=\"").append(COLOURS[1])
                    .append("\"/>");
            svg.append(text(labelWidth + length + 6, y + rowHeight / 2 + 4, "start",
                    number(BigDecimal.valueOf(bar.value())), "chart-value-label"));
        }
        svg.append(line(labelWidth, TOP, labelWidth, TOP + rowHeight * bars.size(), TEXT, 1, null));
        return svg.append("</svg>").toString();
    }
}
