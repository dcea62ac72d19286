package org.workhealth.performance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Draws charts as SVG on the server, so they need no JavaScript. Each is an image with a title and a
 * description that reads out every number ({@code role="img"}, {@code aria-labelledby}), and is
 * always shown beside a table of the same numbers. Series differ by pattern or dash as well as by
 * colour, and the legend names them in words. Coordinates are doubles: they are only geometry, the
 * numbers written out come from the {@link BigDecimal} values themselves.
 */
final class ChartSvg {

    static final double WIDTH = 640;
    static final double HEIGHT = 340;
    static final double LEFT = 64;
    static final double RIGHT = 16;
    static final double TOP = 24;
    static final double BOTTOM = 72;

    /** GOV.UK Design System colours: text black, blue, dark grey, green, mid grey for gridlines. */
    static final String TEXT = "#0b0c0c";
    static final String GRID = "#b1b4b6";
    private static final String[] COLOURS = {"#505a5f", "#1d70b8", "#00703c", "#0b0c0c"};
    private static final String[] DASHES = {"8 4", null, "2 3", "12 3 3 3"};

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
    record Bar(String label, long value) {
    }

    /**
     * Horizontal bars of one series, longest first or in the order given, each with its label on the
     * left and its value at its end: colour carries no meaning here.
     */
    static String horizontal(String id, String title, List<Bar> bars) {
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

    // --- pieces ---

    private static StringBuilder open(String id, String title, String description, double width, double height) {
        String titleId = id + "-title";
        String descId = id + "-desc";
        return new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"app-chart\" id=\"")
                .append(escape(id)).append("\" role=\"img\" aria-labelledby=\"").append(escape(titleId)).append(' ')
                .append(escape(descId)).append("\" viewBox=\"0 0 ").append(f(width)).append(' ').append(f(height))
                .append("\" width=\"100%\" style=\"max-width: ").append(f(width)).append("px\" focusable=\"false\">")
                .append("<title id=\"").append(escape(titleId)).append("\">").append(escape(title)).append("</title>")
                .append("<desc id=\"").append(escape(descId)).append("\">").append(escape(description))
                .append("</desc>");
    }

    private static String line(double x1, double y1, double x2, double y2, String colour, int width,
            String dash) {
        return "<line x1=\"" + f(x1) + "\" y1=\"" + f(y1) + "\" x2=\"" + f(x2) + "\" y2=\"" + f(y2)
                + "\" stroke=\"" + colour + "\" stroke-width=\"" + width + "\""
                + (dash == null ? "" : " stroke-dasharray=\"" + dash + "\"") + "/>";
    }

    private static String text(double x, double y, String anchor, String content, String cssClass) {
        return "<text class=\"" + cssClass + "\" x=\"" + f(x) + "\" y=\"" + f(y) + "\" text-anchor=\"" + anchor
                + "\" font-size=\"14\" fill=\"" + TEXT + "\">" + escape(content) + "</text>";
    }

    static String f(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** "1,250", "12.5": grouped thousands, up to two decimal places, no trailing zeros. */
    static String number(BigDecimal value) {
        DecimalFormat format = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.UK));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // Characters XML does not allow are dropped rather than breaking the document.
                    if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** A vertical scale from a round minimum to a round maximum, with four to six round steps. */
    record Scale(BigDecimal min, BigDecimal max, BigDecimal step) {

        static Scale of(List<BigDecimal> values) {
            BigDecimal low = values.stream().reduce(BigDecimal.ZERO, BigDecimal::min);
            BigDecimal high = values.stream().reduce(BigDecimal.ZERO, BigDecimal::max);
            if (low.compareTo(high) == 0) {
                high = low.add(BigDecimal.ONE);
            }
            boolean whole = values.stream().allMatch(v -> v.stripTrailingZeros().scale() <= 0);
            BigDecimal rough = high.subtract(low).divide(BigDecimal.valueOf(5), 10, RoundingMode.HALF_UP);
            BigDecimal magnitude = BigDecimal.ONE.movePointRight(
                    (int) Math.floor(Math.log10(rough.doubleValue())));
            BigDecimal step = null;
            for (int m : new int[] {1, 2, 5, 10}) {
                step = magnitude.multiply(BigDecimal.valueOf(m));
                if (step.compareTo(rough) >= 0) {
                    break;
                }
            }
            if (whole && step.compareTo(BigDecimal.ONE) < 0) {
                step = BigDecimal.ONE; // counts get whole-number gridlines
            }
            BigDecimal min = low.divide(step, 0, RoundingMode.FLOOR).multiply(step);
            BigDecimal max = high.divide(step, 0, RoundingMode.CEILING).multiply(step);
            return new Scale(min.stripTrailingZeros(), max.stripTrailingZeros(), step.stripTrailingZeros());
        }

        List<BigDecimal> ticks() {
            List<BigDecimal> ticks = new ArrayList<>();
            for (BigDecimal t = min; t.compareTo(max) <= 0; t = t.add(step)) {
                ticks.add(t);
            }
            return ticks;
        }

        double y(double value, double top, double bottom) {
            double range = max.subtract(min).doubleValue();
            return bottom - (value - min.doubleValue()) / range * (bottom - top);
        }
    }
}
