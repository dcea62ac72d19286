package org.workhealth.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;

class BoardReportXlsxTest {

    private final BoardReportXlsx xlsx = new BoardReportXlsx();

    @Test
    void writesOneSheetPerProgrammeWithTheSeedTableCellByCell() throws IOException {
        Map<String, Map<Integer, Row>> sheets = read(xlsx.write(BoardReportSamples.report()));

        assertThat(sheets.keySet()).containsExactly("Thrive into Work", "Thrive at Work");
        Map<Integer, Row> tiw = sheets.get("Thrive into Work");
        assertThat(text(tiw, 0, 0)).isEqualTo("Thrive into Work: KPIs 2023/24");
        Row header = tiw.get(BoardReportXlsx.HEADER_ROW);
        assertThat(header.getCellText(BoardReportXlsx.KPI_COLUMN)).isEqualTo("KPI");
        assertThat(header.getCellText(BoardReportXlsx.TOTAL_COLUMN)).isEqualTo("Total");
        assertThat(header.getCellText(BoardReportXlsx.BASELINE_COLUMN)).isEqualTo("Baseline");
        assertThat(header.getCellText(BoardReportXlsx.forecastColumn(1))).isEqualTo("Q1 Forecast");
        assertThat(header.getCellText(BoardReportXlsx.actualColumn(1))).isEqualTo("Q1 Actual");
        assertThat(header.getCellText(BoardReportXlsx.ratingColumn(4))).isEqualTo("Q4 RAG");
        assertThat(header.getCellText(BoardReportXlsx.CUMULATIVE_COLUMN)).isEqualTo("Cumulative");
        assertThat(text(tiw, BoardReportXlsx.GROUP_HEADER_ROW, BoardReportXlsx.forecastColumn(3)))
                .isEqualTo("Q3 (October to December 2023)");

        for (int i = 0; i < BoardReportSamples.THRIVE_INTO_WORK.length; i++) {
            Object[] seed = BoardReportSamples.THRIVE_INTO_WORK[i];
            int r = BoardReportXlsx.FIRST_DATA_ROW + i;
            assertThat(text(tiw, r, BoardReportXlsx.KPI_COLUMN)).isEqualTo(seed[0]);
            assertThat(number(tiw, r, BoardReportXlsx.TOTAL_COLUMN)).isEqualByComparingTo(seed[1].toString());
            assertThat(cell(tiw, r, BoardReportXlsx.BASELINE_COLUMN)).isEmpty();
            BigDecimal sum = BigDecimal.ZERO;
            for (int q = 1; q <= 3; q++) {
                assertThat(number(tiw, r, BoardReportXlsx.forecastColumn(q))).isEqualByComparingTo(seed[2 * q].toString());
                assertThat(number(tiw, r, BoardReportXlsx.actualColumn(q))).isEqualByComparingTo(seed[2 * q + 1].toString());
                assertThat(cell(tiw, r, BoardReportXlsx.asLeftColumn(q))).isEmpty();
                sum = sum.add(new BigDecimal(seed[2 * q + 1].toString()));
            }
            assertThat(number(tiw, r, BoardReportXlsx.forecastColumn(4))).isEqualByComparingTo(seed[8].toString());
            assertThat(cell(tiw, r, BoardReportXlsx.actualColumn(4))).isEmpty();
            assertThat(text(tiw, r, BoardReportXlsx.ratingColumn(4))).isEqualTo("Not started");
            assertThat(number(tiw, r, BoardReportXlsx.CUMULATIVE_COLUMN)).isEqualByComparingTo(sum);
        }
        // Out of work: 430 of 386 and 496 of 409 are green; 417 of 423 (98.6%) is amber.
        int outOfWork = BoardReportXlsx.FIRST_DATA_ROW;
        assertThat(text(tiw, outOfWork, BoardReportXlsx.ratingColumn(1))).isEqualTo("Green");
        assertThat(text(tiw, outOfWork, BoardReportXlsx.ratingColumn(2))).isEqualTo("Green");
        assertThat(text(tiw, outOfWork, BoardReportXlsx.ratingColumn(3))).isEqualTo("Amber");
        // New starts: 107 of 142 (75%) is red.
        assertThat(text(tiw, outOfWork + 2, BoardReportXlsx.ratingColumn(2))).isEqualTo("Red");
        assertThat(tiw).doesNotContainKey(BoardReportXlsx.FIRST_DATA_ROW + 4);
    }

    @Test
    void numbersAreNumbersAndAsLeftForecastsAreFlagged() throws IOException {
        Map<Integer, Row> taw = read(xlsx.write(BoardReportSamples.report())).get("Thrive at Work");
        int signUps = BoardReportXlsx.FIRST_DATA_ROW;

        assertThat(cell(taw, signUps, BoardReportXlsx.TOTAL_COLUMN).orElseThrow().getType()).isEqualTo(CellType.NUMBER);
        assertThat(number(taw, signUps, BoardReportXlsx.BASELINE_COLUMN)).isEqualByComparingTo("54");
        assertThat(number(taw, signUps, BoardReportXlsx.forecastColumn(4))).isEqualByComparingTo("12");
        assertThat(text(taw, signUps, BoardReportXlsx.asLeftColumn(4))).isEqualTo("Yes");
        assertThat(cell(taw, signUps, BoardReportXlsx.asLeftColumn(3))).isEmpty();
        assertThat(number(taw, signUps, BoardReportXlsx.actualColumn(4))).isEqualByComparingTo("12");
        assertThat(text(taw, signUps, BoardReportXlsx.ratingColumn(4))).isEqualTo("In progress");
        assertThat(number(taw, signUps, BoardReportXlsx.CUMULATIVE_COLUMN)).isEqualByComparingTo("126");
        assertThat(text(taw, signUps, BoardReportXlsx.NOTES_COLUMN)).isEqualTo("Q4: to February");

        int rate = signUps + 1;
        assertThat(cell(taw, rate, BoardReportXlsx.TOTAL_COLUMN)).isEmpty();
        assertThat(cell(taw, rate, BoardReportXlsx.forecastColumn(1))).isEmpty();
        assertThat(number(taw, rate, BoardReportXlsx.actualColumn(1))).isEqualByComparingTo("40.5");
        assertThat(cell(taw, rate, BoardReportXlsx.actualColumn(1)).orElseThrow().getDataFormatString())
                .contains("%");
        assertThat(text(taw, rate, BoardReportXlsx.ratingColumn(1))).isEqualTo("Not rated");
    }

    @Test
    void sheetNamesFollowExcelsRules() {
        Set<String> taken = new HashSet<>();
        assertThat(BoardReportXlsx.sheetName("Work: health [pilot] / phase 2?", taken))
                .isEqualTo("Work  health  pilot    phase 2");
        assertThat(BoardReportXlsx.sheetName("A programme with a very long name indeed", taken)).hasSize(31);
        assertThat(BoardReportXlsx.sheetName("A programme with a very long name indeed", taken))
                .hasSize(31).endsWith(" 2");
    }

    @Test
    void anEmptyReportIsStillAWorkbook() throws IOException {
        BoardReport empty = new BoardReport(BoardReportSamples.Q3, BoardReportSamples.Q3.end(), List.of());
        assertThat(read(xlsx.write(empty))).containsOnlyKeys("No programmes");
    }

    /** Each sheet's rows by their 0-based number (rows with no cells are absent). */
    static Map<String, Map<Integer, Row>> read(byte[] bytes) throws IOException {
        Map<String, Map<Integer, Row>> sheets = new java.util.LinkedHashMap<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes),
                new ReadingOptions(true, false))) {
            for (Sheet sheet : workbook.getSheets().toList()) {
                Map<Integer, Row> rows = new HashMap<>();
                for (Row row : sheet.read()) {
                    rows.put(row.getRowNum() - 1, row);
                }
                sheets.put(sheet.getName(), rows);
            }
        }
        return sheets;
    }

    static Optional<Cell> cell(Map<Integer, Row> rows, int row, int column) {
        Row r = rows.get(row);
        return r == null ? Optional.empty() : r.getOptionalCell(column).filter(c -> c.getType() != CellType.EMPTY);
    }

    static String text(Map<Integer, Row> rows, int row, int column) {
        Cell cell = cell(rows, row, column).orElseThrow(() -> new AssertionError("No cell at " + row + "," + column));
        assertThat(cell.getType()).as("cell %d,%d", row, column).isEqualTo(CellType.STRING);
        return cell.asString();
    }

    static BigDecimal number(Map<Integer, Row> rows, int row, int column) {
        Cell cell = cell(rows, row, column).orElseThrow(() -> new AssertionError("No cell at " + row + "," + column));
        assertThat(cell.getType()).as("cell %d,%d", row, column).isEqualTo(CellType.NUMBER);
        return cell.asNumber();
    }
}
