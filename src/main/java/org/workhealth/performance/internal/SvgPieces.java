package org.workhealth.performance.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The pieces every chart of {@link ChartSvg} is drawn with: the frame with its title and description, lines, text,
 * numbers written the same way everywhere, and a round vertical scale.
 */
final class SvgPieces {

    static final double WIDTH = 640;
    static final double HEIGHT = 340;
    static final double LEFT = 64;
    static final double RIGHT = 16;
    static final double TOP = 24;
    static final double BOTTOM = 72;

    /** GOV.UK Design System colours: text black, blue, dark grey, green, mid grey for gridlines. */
    static final String TEXT = "#0b0c0c";
    static final String GRID = "#b1b4b6";
    static final String[] COLOURS = {"#505a5f", "#1d70b8", "#00703c", "#0b0c0c"};
    static final String[] DASHES = {"8 4", null, "2 3", "12 3 3 3"};

    private SvgPieces() {
    }

    static StringBuilder open(String id, String title, String description, double width, double height) {
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

    static String line(double x1, double y1, double x2, double y2, String colour, int width,
            String dash) {
        return "<line x1=\"" + f(x1) + "\" y1=\"" + f(y1) + "\" x2=\"" + f(x2) + "\" y2=\"" + f(y2)
                + "\" stroke=\"" + colour + "\" stroke-width=\"" + width + "\""
                + (dash == null ? "" : " stroke-dasharray=\"" + dash + "\"") + "/>";
    }

    static String text(double x, double y, String anchor, String content, String cssClass) {
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
