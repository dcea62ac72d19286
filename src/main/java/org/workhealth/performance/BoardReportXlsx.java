package org.workhealth.performance;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.dhatim.fastexcel.Worksheet;
import org.springframework.stereotype.Component;
import org.workhealth.calendar.Quarter;
import org.workhealth.platform.XlsxWorkbook;

/**
 * The board report as a spreadsheet: one sheet per programme, laid out like the board papers'
 * tables (KPI, total, baseline, each quarter's forecast and actual, cumulative total). Figures are
 * numbers, not text, so that they can be summed; ratings and "as left" are words in their own columns.
 */
@Component
class BoardReportXlsx {

    static final String CONTENT_TYPE = XlsxWorkbook.CONTENT_TYPE;

    /** Row of the quarter group headings ("Q1 (April to June 2023)"); the column headings follow it. */
    static final int GROUP_HEADER_ROW = 3;
    static final int HEADER_ROW = 4;
    static final int FIRST_DATA_ROW = 5;

    static final int KPI_COLUMN = 0;
    static final int TOTAL_COLUMN = 1;
    static final int BASELINE_COLUMN = 2;
    static final int CUMULATIVE_COLUMN = 19;
    static final int NOTES_COLUMN = 20;

    private static final int COLUMNS_PER_QUARTER = 4;
    private static final int MAX_SHEET_NAME = 31;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    static int forecastColumn(int quarter) {
        return 3 + COLUMNS_PER_QUARTER * (quarter - 1);
    }

    static int asLeftColumn(int quarter) {
        return forecastColumn(quarter) + 1;
    }

    static int actualColumn(int quarter) {
        return forecastColumn(quarter) + 2;
    }

    static int ratingColumn(int quarter) {
        return forecastColumn(quarter) + 3;
    }

    byte[] write(BoardReport report) {
        return XlsxWorkbook.write(report.title(), workbook -> {
            Set<String> sheetNames = new HashSet<>();
            for (KpiTable table : report.tables()) {
                Worksheet sheet = workbook.newWorksheet(sheetName(table.programmeName(), sheetNames));
                writeSheet(sheet, report, table);
            }
            if (report.tables().isEmpty()) {
                workbook.newWorksheet("No programmes").value(0, 0, "No programmes were chosen");
            }
        });
    }

    private void writeSheet(Worksheet sheet, BoardReport report, KpiTable table) {
        sheet.value(0, 0, table.programmeName() + ": KPIs " + table.year().label());
        sheet.style(0, 0).bold().fontSize(14).set();
        sheet.value(1, 0, "Figures for " + table.scopeName() + " as at " + DATE.format(report.asOf())
                + ". Quarters after that are not started; only finished quarters are rated.");

        sheet.value(GROUP_HEADER_ROW, KPI_COLUMN, "KPI");
        sheet.value(GROUP_HEADER_ROW, TOTAL_COLUMN, "Total");
        sheet.value(GROUP_HEADER_ROW, BASELINE_COLUMN, "Baseline");
        sheet.value(HEADER_ROW, KPI_COLUMN, "KPI");
        sheet.value(HEADER_ROW, TOTAL_COLUMN, "Total");
        sheet.value(HEADER_ROW, BASELINE_COLUMN, "Baseline");
        for (Quarter quarter : table.year().quarters()) {
            int q = quarter.number();
            sheet.value(GROUP_HEADER_ROW, forecastColumn(q), "Q" + q + " (" + BoardReport.months(quarter) + " "
                    + quarter.end().getYear() + ")");
            sheet.range(GROUP_HEADER_ROW, forecastColumn(q), GROUP_HEADER_ROW, ratingColumn(q)).merge();
            sheet.value(HEADER_ROW, forecastColumn(q), "Q" + q + " Forecast");
            sheet.value(HEADER_ROW, asLeftColumn(q), "Q" + q + " Forecast as left");
            sheet.value(HEADER_ROW, actualColumn(q), "Q" + q + " Actual");
            sheet.value(HEADER_ROW, ratingColumn(q), "Q" + q + " RAG");
        }
        sheet.value(GROUP_HEADER_ROW, CUMULATIVE_COLUMN, "Cumulative");
        sheet.value(HEADER_ROW, CUMULATIVE_COLUMN, "Cumulative");
        sheet.value(GROUP_HEADER_ROW, NOTES_COLUMN, "Notes");
        sheet.value(HEADER_ROW, NOTES_COLUMN, "Notes");
        sheet.range(GROUP_HEADER_ROW, KPI_COLUMN, HEADER_ROW, NOTES_COLUMN).style().bold().wrapText(true)
                .verticalAlignment("top").set();

        int row = FIRST_DATA_ROW;
        for (KpiRow kpi : table.rows()) {
            writeRow(sheet, row++, kpi);
        }
        if (table.rows().isEmpty()) {
            sheet.value(row, KPI_COLUMN, "No KPIs are set for this programme in " + table.year().label());
        }
        sheet.width(KPI_COLUMN, 34);
        sheet.width(NOTES_COLUMN, 40);
        sheet.freezePane(1, FIRST_DATA_ROW);
        sheet.pageOrientation("landscape");
    }

    private void writeRow(Worksheet sheet, int row, KpiRow kpi) {
        String format = kpi.unit() == KpiUnit.PERCENT ? "0.0\"%\"" : "#,##0";
        sheet.value(row, KPI_COLUMN, kpi.name());
        number(sheet, row, TOTAL_COLUMN, kpi.total(), format);
        number(sheet, row, BASELINE_COLUMN, kpi.baseline(), format);
        List<String> notes = new ArrayList<>();
        for (KpiCell cell : kpi.quarters()) {
            int q = cell.quarter().number();
            number(sheet, row, forecastColumn(q), cell.forecast(), format);
            if (cell.asLeft()) {
                sheet.value(row, asLeftColumn(q), "Yes");
            }
            number(sheet, row, actualColumn(q), cell.actual(), format);
            sheet.value(row, ratingColumn(q), BoardReportText.rating(cell));
            if (cell.note() != null && !cell.note().isBlank()) {
                notes.add("Q" + q + ": " + cell.note().strip());
            }
        }
        number(sheet, row, CUMULATIVE_COLUMN, kpi.cumulative(), format);
        if (!notes.isEmpty()) {
            sheet.value(row, NOTES_COLUMN, String.join("; ", notes));
        }
    }

    private static void number(Worksheet sheet, int row, int column, BigDecimal value, String format) {
        if (value != null) {
            sheet.value(row, column, value);
            sheet.style(row, column).format(format).set();
        }
    }

    /** Excel's rules: at most 31 characters, none of []:*?/\ and unique in the workbook. */
    static String sheetName(String programmeName, Set<String> taken) {
        String base = programmeName.replaceAll("[\\[\\]:*?/\\\\]", " ").strip();
        if (base.isEmpty()) {
            base = "Programme";
        }
        base = base.length() > MAX_SHEET_NAME ? base.substring(0, MAX_SHEET_NAME).strip() : base;
        String name = base;
        for (int n = 2; taken.contains(name.toLowerCase(Locale.ROOT)); n++) {
            String suffix = " " + n;
            name = base.substring(0, Math.min(base.length(), MAX_SHEET_NAME - suffix.length())) + suffix;
        }
        taken.add(name.toLowerCase(Locale.ROOT));
        return name;
    }
}
