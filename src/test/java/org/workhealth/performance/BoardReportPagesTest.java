package org.workhealth.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.Row;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.workhealth.SignIn;
import org.workhealth.calendar.FinancialYear;
import org.workhealth.calendar.Quarter;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.Organisations;
import org.workhealth.organisation.People;
import org.workhealth.organisation.Person;
import org.workhealth.organisation.Role;
import org.workhealth.programme.Programmes;
import org.workhealth.performance.internal.KpiFigures;
import org.workhealth.performance.internal.KpiForecast;
import org.workhealth.performance.internal.KpiTargetEntry;
import org.workhealth.performance.internal.KpiTargets;

/**
 * The board report pages: the question page and its errors, the report as a page, PDF and XLSX,
 * and that a person cannot report on a programme their organisation has no contract for.
 */
@SpringBootTest
@AutoConfigureMockMvc
class BoardReportPagesTest {

    private static final String WMCA = "West Midlands Combined Authority";
    private static final String BCHFT = "Black Country Healthcare NHS Foundation Trust";
    private static final FinancialYear YEAR = FinancialYear.of(2024);
    private static final Quarter Q3 = YEAR.quarter(3);

    private final MockMvc mvc;
    private final KpiFigures figures;
    private final KpiTargets targets;
    private final KpiTables tables;
    private final BoardReports reports;
    private final People people;
    private final Organisations organisations;
    private final FigureTestData data;

    @Autowired
    BoardReportPagesTest(MockMvc mvc, KpiFigures figures, KpiTargets targets, KpiTables tables, BoardReports reports, People people,
            JdbcClient jdbc, Programmes programmes, Organisations organisations) {
        this.mvc = mvc;
        this.figures = figures;
        this.targets = targets;
        this.tables = tables;
        this.reports = reports;
        this.people = people;
        this.organisations = organisations;
        this.data = new FigureTestData(jdbc, programmes, organisations);
    }

    /**
     * A West Midlands programme with two KPIs in the shape of the board report's Thrive into Work table: out-of-work
     * engagements 1343 with forecasts 386, 409, 423 and Q4 as left, actuals 430, 496, 417; new starts 313
     * with forecasts 60, 142, 156, 156 and actuals 107, 107, 99.
     */
    private FigureTestData.Setup westMidlandsProgramme() {
        FigureTestData.Setup s = data.setUp(WMCA, BCHFT, WMCA, LocalDate.of(2024, 4, 1), LocalDate.of(2026, 3, 31),
                "Engagements (Out of Work)", "New Employment Starts");
        long commissioner = commissioner().id();
        targets.saveUnchecked(s.contract().id(), YEAR, List.of(
                new KpiTargetEntry(s.kpi(0), 1343, null, List.of(KpiForecast.of(1, 386), KpiForecast.of(2, 409),
                        KpiForecast.of(3, 423), KpiForecast.asLeft(4))),
                new KpiTargetEntry(s.kpi(1), 313, null, List.of(KpiForecast.of(1, 60), KpiForecast.of(2, 142),
                        KpiForecast.of(3, 156), KpiForecast.of(4, 156)))));
        int[][] actuals = {{430, 496, 417}, {107, 107, 99}};
        for (int kpi = 0; kpi < 2; kpi++) {
            for (int q = 1; q <= 3; q++) {
                figures.enter(s.kpi(kpi), s.contract().id(), YEAR.quarter(q), actuals[kpi][q - 1], null, commissioner);
            }
        }
        return s;
    }

    private Person commissioner() {
        return people.findByEmail(SignIn.WMCA_COMMISSIONER).orElseThrow();
    }

    private CurrentUser commissionerUser() {
        Person person = commissioner();
        return new CurrentUser(person.id(), person.email(), person.fullName(), person.organisationId(), WMCA,
                Set.of(Role.COMMISSIONER));
    }

    private static String query(FigureTestData.Setup s) {
        return "?programme=" + s.programme().code() + "&quarter=2024-Q3";
    }

    // --- the question page ---

    @Test
    void theQuestionPageOffersTheProgrammesWithVisibleContractsAndTheLastFinishedQuarter() throws Exception {
        FigureTestData.Setup s = westMidlandsProgramme();
        Document form = page(mvc.perform(get("/performance/reports").session(SignIn.as(mvc, SignIn.WMCA_COMMISSIONER)))
                .andExpect(status().isOk()).andReturn());

        assertThat(form.select("form[action=/performance/reports/board]").attr("method")).isEqualTo("get");
        assertThat(form.select("input[name=programme]").eachAttr("value")).contains("TIW", s.programme().code())
                .doesNotContain("WW");
        Quarter lastFinished = Quarter.containing(tables.today()).previous();
        Element selected = form.selectFirst("select[name=quarter] option[selected]");
        assertThat(selected.attr("value")).isEqualTo(BoardReport.parameter(lastFinished));
        assertThat(selected.text()).isEqualTo(BoardReport.describe(lastFinished));

        Document gm = page(mvc.perform(get("/performance/reports").session(SignIn.as(mvc, SignIn.GM_COMMISSIONER)))
                .andExpect(status().isOk()).andReturn());
        assertThat(gm.select("input[name=programme]").eachAttr("value")).contains("WW")
                .doesNotContain("TIW", s.programme().code());
    }

    @Test
    void choosingNothingShowsTheErrors() throws Exception {
        MockHttpSession session = SignIn.as(mvc, SignIn.WMCA_COMMISSIONER);

        Document none = page(mvc.perform(get("/performance/reports/board").session(session))
                .andExpect(status().isOk()).andReturn());
        assertThat(none.title()).startsWith("Error: ");
        assertThat(none.select(".govuk-error-summary a").eachText())
                .containsExactly("Select at least one programme", "Select a quarter");
        assertThat(none.select(".govuk-error-summary a").eachAttr("href")).containsExactly("#programme", "#quarter");
        assertThat(none.select("#programme")).hasSize(1);

        Document future = page(mvc.perform(get("/performance/reports/board?programme=TIW&quarter=2099-Q1")
                .session(session)).andExpect(status().isOk()).andReturn());
        assertThat(future.select(".govuk-error-summary a").eachText())
                .containsExactly("Select a quarter that has started");
        assertThat(future.select("input[name=programme][value=TIW]").hasAttr("checked")).isTrue();

        Document junk = page(mvc.perform(get("/performance/reports/board?programme=TIW&quarter=last")
                .session(session)).andExpect(status().isOk()).andReturn());
        assertThat(junk.select(".govuk-error-summary a").eachText()).containsExactly("Select a quarter");
    }

    /**
     * The quarters offered run from today's back to the first one in which a contract the person may see began:
     * for the West Midlands, the demo Thrive at Work contract of July 2022; for Greater Manchester, WorkWell's
     * of October 2024. Not a fixed three years, which cut the West Midlands' list off at 2023/24 Q4.
     */
    @Test
    void theQuarterListStartsAtTheFirstQuarterWithAContract() throws Exception {
        Quarter current = Quarter.containing(tables.today());
        Document wmca = page(mvc.perform(get("/performance/reports").session(SignIn.as(mvc, SignIn.WMCA_COMMISSIONER)))
                .andExpect(status().isOk()).andReturn());
        List<String> offered = wmca.select("select[name=quarter] option").eachAttr("value");
        assertThat(offered.get(0)).isEqualTo(BoardReport.parameter(current));
        assertThat(offered).last().isEqualTo("2022-Q2");
        assertThat(offered).contains("2023-Q3", "2022-Q4").doesNotContain("2022-Q1");

        Document gm = page(mvc.perform(get("/performance/reports").session(SignIn.as(mvc, SignIn.GM_COMMISSIONER)))
                .andExpect(status().isOk()).andReturn());
        // Greater Manchester's list is its own: its contracts began later than the West Midlands' did.
        assertThat(gm.select("select[name=quarter] option").eachAttr("value")).contains("2024-Q3")
                .doesNotContain("2022-Q2", "2023-Q1");
    }

    /** A quarter before any contract of the chosen programmes has nothing to report: the page says so, a download is not found. */
    @Test
    void aQuarterBeforeTheProgrammesContractsIsRefused() throws Exception {
        MockHttpSession session = SignIn.as(mvc, SignIn.WMCA_COMMISSIONER);

        Document page = page(mvc.perform(get("/performance/reports/board?programme=TAW&quarter=1990-Q1")
                .session(session)).andExpect(status().isOk()).andReturn());
        assertThat(page.title()).startsWith("Error: ");
        assertThat(page.select(".govuk-error-summary a").eachText()).containsExactly(
                "Select a quarter from 2022/23 Q2 (July to September 2022), when the programmes you chose had their "
                        + "first contract");
        assertThat(page.select("#quarter-error").text()).contains("Select a quarter from 2022/23 Q2");
        assertThat(page.select("input[name=programme][value=TAW]").hasAttr("checked")).isTrue();

        for (String path : List.of("/performance/reports/board.xlsx", "/performance/reports/board.pdf")) {
            mvc.perform(get(path + "?programme=TAW&quarter=1990-Q1").session(session)).andExpect(status().isNotFound());
            mvc.perform(get(path + "?programme=TAW&quarter=2022-Q1").session(session)).andExpect(status().isNotFound());
            mvc.perform(get(path + "?programme=TAW&quarter=2022-Q2").session(session)).andExpect(status().isOk());
        }
    }

    // --- the report ---

    @Test
    void theReportPageShowsEachProgrammesKpiTableWithDownloadLinks() throws Exception {
        FigureTestData.Setup s = westMidlandsProgramme();
        Document report = page(mvc.perform(get("/performance/reports/board?programme=TIW&programme="
                + s.programme().code() + "&quarter=2024-Q3").session(SignIn.as(mvc, SignIn.WMCA_COMMISSIONER)))
                .andExpect(status().isOk()).andReturn());

        assertThat(report.select("h1").text()).isEqualTo("KPIs to the end of 2024/25 Q3 (October to December 2024)");
        assertThat(report.select("section h2").eachText()).contains("Thrive into Work", s.programme().name());
        Element section = report.selectFirst("section[data-programme=" + s.programme().code() + "]");
        assertThat(section.select("tbody th").eachText())
                .containsExactly("Engagements (Out of Work)", "New Employment Starts");
        Element outOfWork = section.selectFirst("tbody tr");
        assertThat(outOfWork.selectFirst("[data-column=total]").text()).isEqualTo("1343");
        assertThat(outOfWork.selectFirst("[data-column=q1-actual]").text()).contains("430", "Green");
        assertThat(outOfWork.selectFirst("[data-column=q3-actual]").text()).contains("417", "Amber");
        assertThat(outOfWork.selectFirst("[data-column=q4-actual]").text()).contains("Not started");
        assertThat(outOfWork.selectFirst("[data-column=q4-forecast]").text()).contains("as left");
        assertThat(report.text()).contains("How to read these tables", "as left");

        // In the order the form lists them: by name.
        String both = "?programme=" + s.programme().code() + "&programme=TIW&quarter=2024-Q3";
        assertThat(report.select("#downloads a").eachAttr("href")).containsExactly(
                "/performance/reports/board.pdf" + both, "/performance/reports/board.xlsx" + both);
        assertThat(report.select("#downloads a").eachText())
                .containsExactly("Download as PDF", "Download as spreadsheet (XLSX)");
    }

    @Test
    void thePdfIsAnAttachmentWithTheKpis() throws Exception {
        FigureTestData.Setup s = westMidlandsProgramme();
        MvcResult result = mvc.perform(get("/performance/reports/board.pdf" + query(s))
                .session(SignIn.as(mvc, SignIn.WMCA_COMMISSIONER)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"board-report-2024-25-Q3.pdf\""))
                .andReturn();
        byte[] bytes = result.getResponse().getContentAsByteArray();
        assertThat(new String(bytes, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("%PDF");
        try (PDDocument document = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains(s.programme().name(), "Engagements (Out of Work)", "New Employment Starts",
                    "1343", "+430", "Amber");
        }
    }

    @Test
    void theSpreadsheetsCellsAreTheKpiTablesNumbers() throws Exception {
        FigureTestData.Setup s = westMidlandsProgramme();
        MvcResult result = mvc.perform(get("/performance/reports/board.xlsx" + query(s))
                .session(SignIn.as(mvc, SignIn.WMCA_COMMISSIONER)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", BoardReportXlsx.CONTENT_TYPE))
                .andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"board-report-2024-25-Q3.xlsx\""))
                .andReturn();
        Map<String, Map<Integer, Row>> sheets = BoardReportXlsxTest.read(result.getResponse().getContentAsByteArray());
        assertThat(sheets).containsOnlyKeys(s.programme().name());
        Map<Integer, Row> sheet = sheets.get(s.programme().name());

        KpiTable table = reports.table(commissionerUser(), s.programme().id(), Q3);
        assertThat(table.rows()).hasSize(2);
        for (int i = 0; i < table.rows().size(); i++) {
            KpiRow row = table.rows().get(i);
            int r = BoardReportXlsx.FIRST_DATA_ROW + i;
            assertThat(BoardReportXlsxTest.text(sheet, r, BoardReportXlsx.KPI_COLUMN)).isEqualTo(row.name());
            assertNumber(sheet, r, BoardReportXlsx.TOTAL_COLUMN, row.total());
            assertNumber(sheet, r, BoardReportXlsx.BASELINE_COLUMN, row.baseline());
            for (KpiCell cell : row.quarters()) {
                int q = cell.quarter().number();
                assertNumber(sheet, r, BoardReportXlsx.forecastColumn(q), cell.forecast());
                assertNumber(sheet, r, BoardReportXlsx.actualColumn(q), cell.actual());
                assertThat(BoardReportXlsxTest.cell(sheet, r, BoardReportXlsx.asLeftColumn(q)).isPresent())
                        .isEqualTo(cell.asLeft());
                assertThat(BoardReportXlsxTest.text(sheet, r, BoardReportXlsx.ratingColumn(q)))
                        .isEqualTo(BoardReportText.rating(cell));
            }
            assertNumber(sheet, r, BoardReportXlsx.CUMULATIVE_COLUMN, row.cumulative());
        }
        // The report's figures, through the whole chain.
        int outOfWork = BoardReportXlsx.FIRST_DATA_ROW;
        assertThat(BoardReportXlsxTest.number(sheet, outOfWork, BoardReportXlsx.actualColumn(1)))
                .isEqualByComparingTo("430");
        assertThat(BoardReportXlsxTest.text(sheet, outOfWork, BoardReportXlsx.ratingColumn(3))).isEqualTo("Amber");
        assertThat(BoardReportXlsxTest.text(sheet, outOfWork, BoardReportXlsx.asLeftColumn(4))).isEqualTo("Yes");
        assertThat(BoardReportXlsxTest.text(sheet, outOfWork, BoardReportXlsx.ratingColumn(4)))
                .isEqualTo("Not started");
        // As left: 1343 less 430, 496 and 417.
        assertThat(BoardReportXlsxTest.number(sheet, outOfWork, BoardReportXlsx.forecastColumn(4)))
                .isEqualByComparingTo("0");
        assertThat(BoardReportXlsxTest.number(sheet, outOfWork, BoardReportXlsx.CUMULATIVE_COLUMN))
                .isEqualByComparingTo("1343");
        assertThat(BoardReportXlsxTest.number(sheet, outOfWork + 1, BoardReportXlsx.CUMULATIVE_COLUMN))
                .isEqualByComparingTo("313");
    }

    // --- access ---

    @Test
    void aProgrammeWithoutContractsInTheirScopeIsNotFound() throws Exception {
        FigureTestData.Setup s = westMidlandsProgramme();
        MockHttpSession gm = SignIn.as(mvc, SignIn.GM_COMMISSIONER);
        for (String path : List.of("/performance/reports/board", "/performance/reports/board.pdf",
                "/performance/reports/board.xlsx")) {
            mvc.perform(get(path + query(s)).session(gm)).andExpect(status().isNotFound());
            mvc.perform(get(path + "?programme=TIW&quarter=2024-Q3").session(gm)).andExpect(status().isNotFound());
            // Smuggled in beside a programme they may see, it is still refused.
            mvc.perform(get(path + "?programme=WW&programme=TIW&quarter=2024-Q3").session(gm))
                    .andExpect(status().isNotFound());
            mvc.perform(get(path + "?programme=NOSUCHCODE&quarter=2024-Q3").session(gm))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(get("/performance/reports/board?programme=WW&quarter=2024-Q3").session(gm))
                .andExpect(status().isOk());
    }

    @Test
    void someoneWhoMayNotSeeFiguresIsNotFound() throws Exception {
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        mvc.perform(get("/performance/reports").session(coach)).andExpect(status().isNotFound());
        mvc.perform(get("/performance/reports/board?programme=WW&quarter=2024-Q3").session(coach))
                .andExpect(status().isNotFound());
        mvc.perform(get("/performance/reports/board.xlsx?programme=WW&quarter=2024-Q3").session(coach))
                .andExpect(status().isNotFound());
    }

    @Test
    void aDownloadWithoutChoicesIsABadRequest() throws Exception {
        MockHttpSession session = SignIn.as(mvc, SignIn.WMCA_COMMISSIONER);
        mvc.perform(get("/performance/reports/board.pdf?quarter=2024-Q3").session(session))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/performance/reports/board.xlsx?programme=TIW").session(session))
                .andExpect(status().isBadRequest());
    }

    private static void assertNumber(Map<Integer, Row> sheet, int row, int column, BigDecimal expected) {
        if (expected == null) {
            assertThat(BoardReportXlsxTest.cell(sheet, row, column)).as("cell %d,%d", row, column).isEmpty();
        } else {
            assertThat(BoardReportXlsxTest.number(sheet, row, column)).as("cell %d,%d", row, column)
                    .isEqualByComparingTo(expected);
        }
    }

    private static Document page(MvcResult result) throws IOException {
        return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
