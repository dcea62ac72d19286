package org.workhealth.funding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.assertj.core.data.Offset;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.workhealth.funding.internal.ClaimStatement;

class ClaimStatementPdfTest {

    private static final String TITLE = "Claim for Q3 2025/26 \u2014 WW-BURY-2024";

    private final ClaimStatementPdf pdf = new ClaimStatementPdf(templateEngine(), "/usr/share/fonts/truetype/dejavu");

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
    void thePrintTemplateHasATablePerKindOfLineWithOnlyTheColumnsItsLinesFill() {
        Document document = Jsoup.parse(pdf.xhtml(ClaimStatementSamples.statement()), "", Parser.xmlParser());
        assertThat(document.selectFirst("html").attr("lang")).isEqualTo("en-GB");
        assertThat(document.selectFirst("title").text()).isEqualTo(TITLE);
        assertThat(document.selectFirst("h1").text()).isEqualTo(TITLE);

        Element summary = document.selectFirst("table.summary");
        assertThat(summary.select("th").eachText()).containsExactly("Contract", "Programme", "Provider",
                "Commissioner", "Payment model", "Quarter", "Status", "Total claimed");
        assertThat(summary.select("td").eachText()).containsExactly("WW-BURY-2024", "WorkWell",
                "Bury Council Live Well service", "NHS Greater Manchester", "Basic plus performance",
                "Q3 2025/26 (1 October 2025 to 31 December 2025)", "Submitted", "£87,615.76");

        List<Element> tables = document.select("table:has(caption)").stream()
                .filter(t -> !t.hasClass("summary")).toList();
        assertThat(tables.stream().map(t -> t.selectFirst("caption").text())).containsExactly(
                "Basic payment: eligible expenditure", "Performance payment", "Adjustment to an approved claim",
                "Total", "What has happened to this claim");

        Element basic = tables.get(0);
        assertThat(basic.select("thead th").eachText()).containsExactly("Why", "Amount");
        assertThat(basic.select("tbody tr").get(0).select("td").eachText())
                .containsExactly("Staff and venue costs, October to December 2025", "£86,585.00");

        Element performance = tables.get(1);
        assertThat(performance.select("thead th").eachText())
                .containsExactly("Case reference", "Evidence date", "Why", "Amount");
        List<Element> rows = performance.select("tbody tr");
        assertThat(rows).hasSize(4);
        for (int i = 0; i < 3; i++) {
            List<String> cells = rows.get(i).select("td").eachText();
            assertThat(cells.get(0)).isEqualTo(ClaimStatementSamples.PAID_CASES[i]);
            assertThat(cells.get(3)).isEqualTo("£515.38");
        }
        assertThat(rows.get(0).select("td").get(1).text()).isEqualTo("6 October 2025");
        assertThat(rows.get(3).selectFirst("th").attr("colspan")).isEqualTo("3");
        assertThat(rows.get(3).text()).isEqualTo("Subtotal: Performance payment £1,546.14");

        Element adjustment = tables.get(2);
        assertThat(adjustment.select("thead th").eachText())
                .containsExactly("Case reference", "Quarter paid for", "Why", "Amount");
        assertThat(adjustment.select("tbody tr").get(0).select("td").eachText()).containsExactly(
                ClaimStatementSamples.TAKEN_BACK_CASE, "Q2 2025/26",
                "Taken back from the approved claim for Q2 2025/26: the evidence for it is no longer recorded",
                "\u2212£515.38");

        assertThat(tables.get(3).select("tbody tr").eachText()).containsExactly(
                "Basic payment: eligible expenditure £86,585.00", "Performance payment £1,546.14",
                "Adjustment to an approved claim \u2212£515.38", "Total claimed £87,615.76");

        assertThat(tables.get(4).select("tbody tr").eachText()).containsExactly(
                "12 January 2026, 3:05pm Submitted Priya Shah £87,615.76",
                "14 January 2026, 9:30am Returned Grace Okafor £87,615.76 Please attach the venue invoice",
                "15 January 2026, 11:00am Resubmitted Priya Shah £87,615.76");
    }

    @Test
    void writesAnA4PortraitPdfWithEveryLinesCaseReferenceAndAmountAndTheExactTotal() throws IOException {
        byte[] bytes = pdf.write(ClaimStatementSamples.statement());

        assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(bytes)) {
            PDPage first = document.getPage(0);
            assertThat(first.getMediaBox().getWidth()).isCloseTo(595f, Offset.offset(2f));
            assertThat(first.getMediaBox().getHeight()).isCloseTo(842f, Offset.offset(2f));
            String text = text(document);
            assertThat(text).contains(TITLE, "Basic plus performance", "NHS Greater Manchester", "£86,585.00",
                    "Subtotal: Performance payment £1,546.14", "Total claimed £87,615.76");
            for (String reference : ClaimStatementSamples.PAID_CASES) {
                assertThat(text).containsPattern(java.util.regex.Pattern.quote(reference) + " \\d{1,2} \\w+ 2025 .*?£515\\.38");
            }
            // The adjustment takes money back: it reads with a minus sign, not as a payment.
            assertThat(text).contains(ClaimStatementSamples.TAKEN_BACK_CASE + " Q2 2025/26", "\u2212£515.38");
            assertThat(text).contains("Please attach the venue invoice", "Participants are shown by case reference only");
        }
    }

    @Test
    void addsNoNamesToTheLines() {
        // The lines name a participant only by the case reference they carry; the history names the staff who
        // acted on the claim, and nobody else.
        Document document = Jsoup.parse(pdf.xhtml(ClaimStatementSamples.statement()), "", Parser.xmlParser());
        List<String> caseCells = document.select("td.case").eachText();
        assertThat(caseCells).containsExactly(ClaimStatementSamples.PAID_CASES[0], ClaimStatementSamples.PAID_CASES[1],
                ClaimStatementSamples.PAID_CASES[2], ClaimStatementSamples.TAKEN_BACK_CASE);
        String lines = document.select("table:has(caption)").stream()
                .filter(t -> !t.selectFirst("caption").text().equals("What has happened to this claim"))
                .map(Element::text).reduce("", String::concat);
        assertThat(lines).doesNotContain("Priya", "Shah", "Grace", "Okafor");
    }

    @Test
    void anEmptyDraftSaysSoAndKeepsItsNotes() throws IOException {
        ClaimStatement empty = ClaimStatementSamples.empty();
        Document document = Jsoup.parse(pdf.xhtml(empty), "", Parser.xmlParser());
        assertThat(document.select("p").eachText()).contains("This claim has no lines.",
                "This claim has not been submitted.");
        assertThat(document.select("li").eachText()).contains(empty.notes().get(0));
        try (PDDocument pdfDocument = Loader.loadPDF(pdf.write(empty))) {
            assertThat(text(pdfDocument)).contains("Not submitted", "Total claimed £0.00", "No funding is set");
        }
    }

    @Test
    void isTaggedForAccessibilityWhenTheFontCanBeEmbedded() throws IOException {
        Assumptions.assumeTrue(pdf.accessible(), "DejaVu Sans is not installed");
        try (PDDocument document = Loader.loadPDF(pdf.write(ClaimStatementSamples.statement()))) {
            assertThat(document.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
            assertThat(document.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("en-GB");
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo(TITLE);
            for (var name : document.getPage(0).getResources().getFontNames()) {
                assertThat(document.getPage(0).getResources().getFont(name).isEmbedded()).isTrue();
            }
        }
    }

    @Test
    void withoutTheFontThePdfIsStillMade() throws IOException {
        ClaimStatementPdf plain = new ClaimStatementPdf(templateEngine(), "/nonexistent-font-directory");
        assertThat(plain.accessible()).isFalse();
        try (PDDocument document = Loader.loadPDF(plain.write(ClaimStatementSamples.statement()))) {
            String text = text(document);
            assertThat(text).contains("WW-BURY-2024", "£87,615.76", ClaimStatementSamples.PAID_CASES[0]);
            // Helvetica has no minus sign: a hyphen keeps what is taken back negative, instead of "#£515.38".
            assertThat(text).contains("-£515.38").doesNotContain("#");
        }
    }

    /** The text with line breaks as spaces, since long descriptions wrap within their cells. */
    private static String text(PDDocument document) throws IOException {
        return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }
}
