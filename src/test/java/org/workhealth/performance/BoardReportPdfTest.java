package org.workhealth.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

class BoardReportPdfTest {

    private final BoardReportPdf pdf = new BoardReportPdf(templateEngine(), "/usr/share/fonts/truetype/dejavu");

    static SpringTemplateEngine templateEngine() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }

    @Test
    void thePrintTemplateIsWellFormedXhtmlWithTheSeedTableCellByCell() {
        String xhtml = pdf.xhtml(BoardReportSamples.report());
        // The XML parser fails on anything not well-formed, as the PDF renderer's would.
        Document document = Jsoup.parse(xhtml, "", Parser.xmlParser());
        assertThat(document.selectFirst("html").attr("lang")).isEqualTo("en-GB");
        assertThat(document.selectFirst("title").text()).isEqualTo("Board report: 2023/24 Q3");

        Element table = document.select("table").first();
        List<Element> rows = table.select("tbody tr");
        assertThat(rows).hasSize(BoardReportSamples.THRIVE_INTO_WORK.length);
        for (int i = 0; i < rows.size(); i++) {
            Object[] seed = BoardReportSamples.THRIVE_INTO_WORK[i];
            Element row = rows.get(i);
            assertThat(row.selectFirst("th").text()).isEqualTo(seed[0]);
            List<Element> cells = row.select("td");
            // Total, baseline, 4 x (forecast, actual), cumulative.
            assertThat(cells).hasSize(11);
            assertThat(cells.get(0).text()).isEqualTo(seed[1].toString());
            assertThat(cells.get(1).text()).isEqualTo("None");
            for (int q = 1; q <= 3; q++) {
                assertThat(cells.get(2 * q).text()).isEqualTo("+" + seed[2 * q]);
                assertThat(cells.get(2 * q + 1).text()).startsWith("+" + seed[2 * q + 1] + " ")
                        .endsWith(cells.get(2 * q + 1).selectFirst(".rating").text());
            }
            assertThat(cells.get(8).text()).isEqualTo("+" + seed[8]);
            assertThat(cells.get(9).text()).isEqualTo("Not started");
            assertThat(cells.get(10).text()).isEqualTo(seed[1].toString());
        }
        Element outOfWork = rows.get(0);
        assertThat(outOfWork.select("td .rating").eachText())
                .containsExactly("Green", "Green", "Amber");
        assertThat(outOfWork.select("td .rating").get(2).attr("class")).contains("rag-amber");

        Element signUps = document.select("table").get(1).selectFirst("tbody tr");
        assertThat(signUps.select("td").get(8).text()).isEqualTo("+12 as left");
        assertThat(signUps.select("td").get(9).text()).isEqualTo("+12 so far (to February)");
    }

    @Test
    void writesAnA4LandscapePdfWithTheKpis() throws IOException {
        byte[] bytes = pdf.write(BoardReportSamples.report());

        assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(bytes)) {
            PDPage first = document.getPage(0);
            assertThat(first.getMediaBox().getWidth()).isGreaterThan(first.getMediaBox().getHeight());
            assertThat(first.getMediaBox().getWidth()).isCloseTo(842f, org.assertj.core.data.Offset.offset(2f));
            // Long names wrap within their cells: compare with the line breaks as spaces.
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Board report: 2023/24 Q3", "Thrive into Work", "Thrive at Work",
                    "Engagements (Out of Work)", "Engagements (In Work)", "New Employment Starts",
                    "Existing Employment Retentions", "Sign-ups", "1343", "+430", "+417", "Amber", "Not started",
                    "as left");
        }
    }

    @Test
    void isTaggedForAccessibilityWhenTheFontCanBeEmbedded() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(pdf.accessible(), "DejaVu Sans is not installed");
        try (PDDocument document = Loader.loadPDF(pdf.write(BoardReportSamples.report()))) {
            assertThat(document.getDocumentCatalog().getMarkInfo()).isNotNull();
            assertThat(document.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
            assertThat(document.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("en-GB");
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Board report: 2023/24 Q3");
            for (var name : document.getPage(0).getResources().getFontNames()) {
                assertThat(document.getPage(0).getResources().getFont(name).isEmbedded()).isTrue();
            }
        }
    }

    @Test
    void withoutTheFontThePdfIsStillMade() throws IOException {
        BoardReportPdf plain = new BoardReportPdf(templateEngine(), "/nonexistent-font-directory");
        assertThat(plain.accessible()).isFalse();
        try (PDDocument document = Loader.loadPDF(plain.write(BoardReportSamples.report()))) {
            assertThat(new PDFTextStripper().getText(document)).contains("Engagements (Out of Work)");
        }
    }
}
