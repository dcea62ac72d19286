package org.workhealth.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.workhealth.calendar.FinancialYear;
import org.workhealth.govuk.TemplateEngines;
import org.workhealth.performance.internal.KpiDisplay;
import org.workhealth.performance.internal.QuarterState;
import org.workhealth.performance.internal.Rag;
import org.workhealth.performance.internal.TrendChart;
import org.workhealth.performance.internal.ChartSvg;

/** The server-drawn charts: well-formed, accessible SVG whose bars match the numbers, and their tables. */
class ChartSvgTest {

    private static final String SVG = "http://www.w3.org/2000/svg";

    @Test
    void theSvgIsWellFormedWithAnEscapedTitleAndADescriptionOfEveryNumber() throws Exception {
        TrendChart chart = new TrendChart("Jobs <started> & \"kept\"", List.of("Q1", "Q2"),
                List.of(new TrendChart.Series("Forecast", values(10, 20)),
                        new TrendChart.Series("Actual", values(12, null))));
        Document svg = parse(chart.svg());
        Element root = svg.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getAttribute("role")).isEqualTo("img");
        String[] labelledBy = root.getAttribute("aria-labelledby").split(" ");
        assertThat(labelledBy).hasSize(2);
        Element title = byId(svg, labelledBy[0]);
        Element desc = byId(svg, labelledBy[1]);
        assertThat(title.getLocalName()).isEqualTo("title");
        assertThat(title.getTextContent()).isEqualTo("Jobs <started> & \"kept\"");
        assertThat(desc.getLocalName()).isEqualTo("desc");
        assertThat(desc.getTextContent()).isEqualTo(
                "Bar chart of Forecast and Actual. Q1: Forecast 10, Actual 12. Q2: Forecast 20, Actual no figure.");
        // The first child is the title, as screen readers expect.
        assertThat(firstElement(root).getLocalName()).isEqualTo("title");
        assertThat(chart.svg()).doesNotContain("<script").doesNotContain("<started>");
        // The legend names every series in words.
        assertThat(texts(svg, "chart-legend-label")).containsExactly("Forecast", "Actual");
        assertThat(texts(svg, "chart-category-label")).containsExactly("Q1", "Q2");
        assertThat(texts(svg, "chart-axis-label")).contains("0", "20");
    }

    @Test
    void barHeightsAreProportionalToTheValuesAndNullsAreGaps() throws Exception {
        TrendChart chart = new TrendChart("Engagements", List.of("Q1", "Q2", "Q3", "Q4"),
                List.of(new TrendChart.Series("Forecast", values(10, 20, 40, null)),
                        new TrendChart.Series("Actual", values(5, null, 30, 0))));
        Document svg = parse(chart.svg());
        List<Element> bars = elements(svg, "rect", "chart-bar");
        assertThat(bars).extracting(b -> b.getAttribute("data-series") + " " + b.getAttribute("data-category"))
                .containsExactly("Forecast Q1", "Forecast Q2", "Forecast Q3", "Actual Q1", "Actual Q3", "Actual Q4");
        double perUnit = height(bars.get(0)) / 10;
        assertThat(perUnit).isPositive();
        for (Element bar : bars) {
            double value = Double.parseDouble(bar.getAttribute("data-value"));
            assertThat(height(bar)).isCloseTo(value * perUnit, within(0.02));
        }
        // Bars stand on the same baseline.
        double base = y(bars.get(0)) + height(bars.get(0));
        bars.forEach(b -> assertThat(y(b) + height(b)).isCloseTo(base, within(0.02)));
        // The forecast is hatched, the actual solid: they differ without colour.
        assertThat(bars.get(0).getAttribute("fill")).startsWith("url(#");
        assertThat(bars.get(3).getAttribute("fill")).startsWith("#");
    }

    @Test
    void linesBreakAtGapsAndTheForecastIsDashed() throws Exception {
        TrendChart chart = new TrendChart("line", "Sign-ups", List.of("Q1", "Q2", "Q3", "Q4"),
                List.of(new TrendChart.Series("Forecast", values(1, 2, 3, 4)),
                        new TrendChart.Series("Actual", values(1, null, 3, 5))), TrendChart.Style.LINES, "");
        Document svg = parse(chart.svg());
        List<Element> lines = elements(svg, "path", "chart-line");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).getAttribute("stroke-dasharray")).isNotBlank();
        assertThat(lines.get(1).getAttribute("d").split("M")).hasSize(3); // two pieces around the gap
        assertThat(elements(svg, "circle", "chart-point")).hasSize(3);
    }

    @Test
    void aKpiRowBecomesForecastAndActualPerQuarter() {
        FinancialYear year = FinancialYear.of(2025);
        List<KpiCell> cells = new ArrayList<>();
        BigDecimal[] forecasts = {BigDecimal.valueOf(14), BigDecimal.valueOf(24), null, BigDecimal.valueOf(12)};
        BigDecimal[] actuals = {BigDecimal.valueOf(15), BigDecimal.valueOf(1250), null, null};
        for (int q = 1; q <= 4; q++) {
            cells.add(new KpiCell(year.quarter(q), QuarterState.FINISHED, forecasts[q - 1], false, actuals[q - 1],
                    null, Rag.NONE, null));
        }
        KpiRow row = new KpiRow("SIGN_UPS", "Employer sign-ups", KpiUnit.COUNT, KpiDisplay.INCREMENTS,
                BigDecimal.valueOf(126), BigDecimal.valueOf(54), cells, BigDecimal.valueOf(108));
        TrendChart chart = TrendChart.of(row);
        assertThat(chart.id()).isEqualTo("chart-sign-ups");
        assertThat(chart.title()).isEqualTo("Employer sign-ups: forecast and actual by quarter");
        assertThat(chart.categories()).containsExactly("Q1", "Q2", "Q3", "Q4");
        assertThat(chart.rows()).containsExactly(List.of("Q1", "14", "15"), List.of("Q2", "24", "1,250"),
                List.of("Q3", "No figure", "No figure"), List.of("Q4", "12", "No figure"));
    }

    @Test
    void theFragmentShowsTheChartAndATableOfTheSameNumbers() {
        // The table goes through the shared GOV.UK fragments, so the engine needs their dialect.
        SpringTemplateEngine engine = TemplateEngines.withTemplatesAndStrings();
        TrendChart chart = new TrendChart("Job starts", List.of("Q1", "Q2"),
                List.of(new TrendChart.Series("Forecast", values(8, 9)),
                        new TrendChart.Series("Actual", values(7, null))));
        Context context = new Context();
        context.setVariable("chart", chart);
        String html = engine.process("performance/chart", java.util.Set.of("chart"), context);

        org.jsoup.nodes.Document page = Jsoup.parse(html);
        assertThat(page.select("svg[role=img] > title").text()).isEqualTo("Job starts");
        org.jsoup.nodes.Element table = page.selectFirst("table#job-starts-table");
        assertThat(table).isNotNull();
        assertThat(table.select("caption").text()).isEqualTo("Job starts");
        assertThat(table.select("thead th").eachText()).containsExactly("Period", "Forecast", "Actual");
        assertThat(table.select("tbody tr").eachText()).containsExactly("Q1 8 7", "Q2 9 No figure");
        // Every number in the table is a bar in the chart, and the other way round.
        assertThat(page.select("rect.chart-bar").eachAttr("data-value")).containsExactly("8", "9", "7");
    }

    @Test
    void horizontalBarsAreProportionalAndLabelled() throws Exception {
        String svg = ChartSvg.horizontal("funnel", "Funnel", List.of(new ChartSvg.Bar("Referrals", 40),
                new ChartSvg.Bar("Eligible <all>", 10), new ChartSvg.Bar("Engaged", 0)));
        Document doc = parse(svg);
        List<Element> bars = elements(doc, "rect", "chart-bar");
        assertThat(Double.parseDouble(bars.get(0).getAttribute("width")))
                .isCloseTo(4 * Double.parseDouble(bars.get(1).getAttribute("width")), within(0.02));
        assertThat(bars.get(2).getAttribute("width")).isEqualTo("0");
        assertThat(texts(doc, "chart-category-label")).containsExactly("Referrals", "Eligible <all>", "Engaged");
        assertThat(byId(doc, "funnel-desc").getTextContent())
                .isEqualTo("Bar chart. Referrals: 40. Eligible <all>: 10. Engaged: 0.");
    }

    // --- helpers ---

    private static List<BigDecimal> values(Integer... values) {
        return Arrays.stream(values).map(v -> v == null ? null : BigDecimal.valueOf(v)).toList();
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static Element byId(Document doc, String id) {
        NodeList all = doc.getElementsByTagNameNS(SVG, "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (id.equals(e.getAttribute("id"))) {
                return e;
            }
        }
        throw new AssertionError("No element with id " + id);
    }

    private static Element firstElement(Element parent) {
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        throw new AssertionError("No child element");
    }

    private static List<Element> elements(Document doc, String tag, String cssClass) {
        NodeList nodes = doc.getElementsByTagNameNS(SVG, tag);
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (cssClass.equals(e.getAttribute("class"))) {
                found.add(e);
            }
        }
        return found;
    }

    private static List<String> texts(Document doc, String cssClass) {
        return elements(doc, "text", cssClass).stream().map(Element::getTextContent).toList();
    }

    private static double height(Element bar) {
        return Double.parseDouble(bar.getAttribute("height"));
    }

    private static double y(Element bar) {
        return Double.parseDouble(bar.getAttribute("y"));
    }
}
