package org.workhealth.trial.consort;

import java.util.ArrayList;
import java.util.List;

/**
 * The CONSORT 2010 flow diagram as SVG, drawn on the server so it needs no JavaScript: enrolment, allocation,
 * follow-up and analysis, one column per arm. It is an image (role="img") whose title and description say every
 * number, and the page shows the same numbers in a table beside it.
 */
final class ConsortDiagram {

    private static final int WIDTH = 780;
    private static final int BOX_GAP = 20;
    private static final int LINE = 17;

    private final StringBuilder svg = new StringBuilder();

    private ConsortDiagram() {
    }

    static String svg(String title, ConsortCounts c) {
        return new ConsortDiagram().draw(title, c);
    }

    /** Every number in words, for the SVG's description and the CSV. */
    static List<String[]> rows(ConsortCounts c) {
        List<String[]> rows = new ArrayList<>();
        if (!c.employers()) {
            rows.add(new String[] {"Enrolment", "", "Referred", String.valueOf(c.referred())});
        }
        rows.add(new String[] {"Enrolment", "", "Assessed for eligibility", String.valueOf(c.assessed())});
        rows.add(new String[] {"Enrolment", "", "Excluded", String.valueOf(c.excluded())});
        rows.add(new String[] {"Enrolment", "", "Excluded: not eligible", String.valueOf(c.excludedNotEligible())});
        rows.add(new String[] {"Enrolment", "", "Excluded: declined to take part", String.valueOf(c.excludedDeclined())});
        rows.add(new String[] {"Enrolment", "", "Excluded: other reasons", String.valueOf(c.excludedOther())});
        rows.add(new String[] {"Enrolment", "", "Randomised", String.valueOf(c.randomised())});
        for (ArmFlow a : c.arms()) {
            rows.add(new String[] {"Allocation", a.name(), "Allocated", String.valueOf(a.allocated())});
            rows.add(new String[] {"Allocation", a.name(), received(a), String.valueOf(a.received())});
            rows.add(new String[] {"Allocation", a.name(), "Did not receive the allocated intervention",
                    String.valueOf(a.notReceived())});
            rows.add(new String[] {"Follow-up", a.name(), "Lost to follow-up", String.valueOf(a.lost())});
            rows.add(new String[] {"Follow-up", a.name(), "Lost: final follow-up point missed",
                    String.valueOf(a.lostFinalPoint())});
            rows.add(new String[] {"Follow-up", a.name(), "Lost: withdrew from further data collection",
                    String.valueOf(a.lostWithdrawn())});
            rows.add(new String[] {"Follow-up", a.name(), "Discontinued intervention", String.valueOf(a.discontinued())});
            rows.add(new String[] {"Follow-up", a.name(), "Follow-up not yet complete", String.valueOf(a.awaiting())});
            rows.add(new String[] {"Analysis", a.name(), "Analysed", String.valueOf(a.analysed())});
            rows.add(new String[] {"Analysis", a.name(), "Excluded from analysis", String.valueOf(a.excludedFromAnalysis())});
            rows.add(new String[] {"Analysis", a.name(), "Excluded: randomised in error", String.valueOf(a.excludedInError())});
            rows.add(new String[] {"Analysis", a.name(), "Excluded: data withdrawn", String.valueOf(a.excludedDataWithdrawn())});
        }
        return rows;
    }

    static String received(ArmFlow a) {
        return a.control() ? "Received usual care (the allocated control)" : "Received the allocated intervention";
    }

    private String draw(String title, ConsortCounts c) {
        String u = c.units();
        int y = 40;
        int centreW = 300;
        int centreX = 150;
        List<String> description = new ArrayList<>();
        for (String[] r : rows(c)) {
            description.add((r[1].isEmpty() ? "" : r[1] + ": ") + r[2] + " " + r[3]);
        }
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"consort-title consort-desc\" ")
                .append("viewBox=\"0 0 ").append(WIDTH).append(" HEIGHT\" width=\"100%\" ")
                .append("font-family=\"Arial, sans-serif\" font-size=\"13\">");
        svg.append("<title id=\"consort-title\">").append(esc("CONSORT flow diagram: " + title)).append("</title>");
        svg.append("<desc id=\"consort-desc\">").append(esc(String.join("; ", description))).append("</desc>");
        svg.append("<defs><marker id=\"consort-arrow\" markerWidth=\"8\" markerHeight=\"8\" refX=\"7\" refY=\"4\" orient=\"auto\">")
                .append("<path d=\"M0,0 L8,4 L0,8 z\" fill=\"#0b0c0c\"/></marker></defs>");
        stage("Enrolment", y - 22);
        if (!c.employers()) {
            box(centreX, y, centreW, List.of("Referred to the programme (n=" + c.referred() + ")"));
            arrow(centreX + centreW / 2, y + boxHeight(1), y + boxHeight(1) + BOX_GAP);
            y += boxHeight(1) + BOX_GAP;
        }
        int assessedY = y;
        box(centreX, y, centreW, List.of("Assessed for eligibility (n=" + c.assessed() + " " + u + ")"));
        List<String> excluded = List.of("Excluded (n=" + c.excluded() + ")", "• Not eligible (n=" + c.excludedNotEligible() + ")",
                "• Declined to take part (n=" + c.excludedDeclined() + ")", "• Other reasons (n=" + c.excludedOther() + ")");
        int exX = centreX + centreW + 40;
        excluded = wrap(excluded, WIDTH - exX - 10);
        box(exX, assessedY + boxHeight(1) + 10, WIDTH - exX - 10, excluded);
        int trunk = centreX + centreW / 2;
        int randomY = assessedY + boxHeight(1) + 10 + boxHeight(excluded.size()) + 20;
        arrow(trunk, assessedY + boxHeight(1), randomY);
        int side = assessedY + boxHeight(1) + 10 + boxHeight(excluded.size()) / 2;
        arrow(trunk, side, exX, true);
        y = randomY;
        box(centreX, y, centreW, List.of("Randomised (n=" + c.randomised() + ")"));
        y += boxHeight(1);
        int n = Math.max(1, c.arms().size());
        int colW = (WIDTH - 10 - (n - 1) * BOX_GAP) / n;
        int splitY = y + 20;
        line(trunk, y, trunk, splitY);
        int first = 5 + colW / 2;
        int last = 5 + (n - 1) * (colW + BOX_GAP) + colW / 2;
        line(first, splitY, last, splitY);
        y = splitY + 30;
        String[] stages = {"Allocation", "Follow-up", "Analysis"};
        for (int s = 0; s < 3; s++) {
            stage(stages[s], y - 8);
            int tallest = 0;
            for (int i = 0; i < c.arms().size(); i++) {
                ArmFlow a = c.arms().get(i);
                int x = 5 + i * (colW + BOX_GAP);
                List<String> lines = switch (s) {
                    case 0 -> List.of("Allocated to " + a.name() + " (n=" + a.allocated() + ")",
                            "• " + received(a) + " (n=" + a.received() + ")",
                            "• Did not receive it (n=" + a.notReceived() + ")");
                    case 1 -> List.of("Lost to follow-up (n=" + a.lost() + ")",
                            "• Final point missed (n=" + a.lostFinalPoint() + ")",
                            "• Withdrew from further data (n=" + a.lostWithdrawn() + ")",
                            "Discontinued intervention (n=" + a.discontinued() + ")",
                            "Follow-up not yet complete (n=" + a.awaiting() + ")");
                    default -> List.of("Analysed (n=" + a.analysed() + ")",
                            "Excluded from analysis (n=" + a.excludedFromAnalysis() + ")",
                            "• Randomised in error (n=" + a.excludedInError() + ")",
                            "• Data withdrawn (n=" + a.excludedDataWithdrawn() + ")");
                };
                lines = wrap(lines, colW);
                int top = y + 8;
                arrow(x + colW / 2, s == 0 ? splitY : y - 24, top, false);
                box(x, top, colW, lines);
                tallest = Math.max(tallest, boxHeight(lines.size()));
            }
            y += 8 + tallest + 24 + 16;
        }
        svg.append("</svg>");
        return svg.toString().replaceFirst(" HEIGHT\"", " " + y + "\"");
    }

    /**
     * Lines broken at spaces to fit a box {@code width} wide (about 7 px a character at 13 px Arial), continued
     * lines indented: arm names are as long as people make them.
     */
    static List<String> wrap(List<String> lines, int width) {
        int max = Math.max(20, (width - 16) / 7);
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            String rest = line;
            boolean first = true;
            while (rest.length() > max) {
                int cut = rest.lastIndexOf(' ', max);
                cut = cut <= 0 ? max : cut;
                out.add((first ? "" : "  ") + rest.substring(0, cut).stripTrailing());
                rest = rest.substring(cut).stripLeading();
                first = false;
            }
            out.add((first ? "" : "  ") + rest);
        }
        return out;
    }

    private static int boxHeight(int lines) {
        return lines * LINE + 14;
    }

    private void stage(String name, int y) {
        svg.append("<text x=\"5\" y=\"").append(y + 14).append("\" font-weight=\"bold\" fill=\"#1d70b8\">")
                .append(esc(name)).append("</text>");
    }

    private void box(int x, int y, int w, List<String> lines) {
        svg.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"").append(w)
                .append("\" height=\"").append(boxHeight(lines.size()))
                .append("\" fill=\"#ffffff\" stroke=\"#0b0c0c\" stroke-width=\"1.5\"/>");
        for (int i = 0; i < lines.size(); i++) {
            svg.append("<text x=\"").append(x + 8).append("\" y=\"").append(y + 19 + i * LINE)
                    .append("\" fill=\"#0b0c0c\">").append(esc(lines.get(i))).append("</text>");
        }
    }

    private void line(int x1, int y1, int x2, int y2) {
        svg.append("<line x1=\"").append(x1).append("\" y1=\"").append(y1).append("\" x2=\"").append(x2)
                .append("\" y2=\"").append(y2).append("\" stroke=\"#0b0c0c\" stroke-width=\"1.5\"/>");
    }

    /** A vertical arrow down at x from y1 to y2. */
    private void arrow(int x, int y1, int y2) {
        arrow(x, y1, y2, false);
    }

    private void arrow(int a, int b, int c, boolean horizontal) {
        if (horizontal) {
            svg.append("<line x1=\"").append(a).append("\" y1=\"").append(b).append("\" x2=\"").append(c - 2)
                    .append("\" y2=\"").append(b).append("\" stroke=\"#0b0c0c\" stroke-width=\"1.5\" marker-end=\"url(#consort-arrow)\"/>");
        } else {
            svg.append("<line x1=\"").append(a).append("\" y1=\"").append(b).append("\" x2=\"").append(a)
                    .append("\" y2=\"").append(c - 2).append("\" stroke=\"#0b0c0c\" stroke-width=\"1.5\" marker-end=\"url(#consort-arrow)\"/>");
        }
    }

    /** Arm names and titles are typed by people: escaped for XML. */
    static String esc(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
