package org.workhealth.performance;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.workhealth.calendar.Quarter;

/**
 * The board report: each chosen programme's KPI table for the financial year of one quarter,
 * drawn up as at the quarter's last day (or today, while the quarter is still running), so that
 * later quarters show as not started. The HTML page, the PDF and the XLSX are all made from it.
 */
record BoardReport(Quarter quarter, LocalDate asOf, List<KpiTable> tables,
        java.util.Map<Long, List<PilotSummary>> pilots) {

    private static final Pattern QUARTER_PARAMETER = Pattern.compile("(\\d{4})-Q([1-4])");

    BoardReport {
        tables = List.copyOf(tables);
        pilots = java.util.Map.copyOf(pilots);
    }

    /** A report with no pilots beside its tables. */
    BoardReport(Quarter quarter, LocalDate asOf, List<KpiTable> tables) {
        this(quarter, asOf, tables, java.util.Map.of());
    }

    /** The pilots shown in a programme's section, none when it has none. */
    public List<PilotSummary> pilotsOf(KpiTable table) {
        return pilots.getOrDefault(table.programmeId(), List.of());
    }

    /** "2023-Q3": the financial year's start year and the quarter, as the report's URLs carry it. */
    static String parameter(Quarter quarter) {
        return quarter.financialYear().startYear() + "-Q" + quarter.number();
    }

    /** The quarter a URL names, or null when the text is not of the form "2023-Q3". */
    static Quarter parseParameter(String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = QUARTER_PARAMETER.matcher(text.strip());
        return matcher.matches() ? Quarter.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)))
                : null;
    }

    /** "2023/24 Q3 (October to December 2023)", as the board papers name a quarter. */
    static String describe(Quarter quarter) {
        LocalDate start = quarter.start();
        LocalDate end = quarter.end();
        return quarter.financialYear().label() + " Q" + quarter.number() + " (" + month(start) + " to " + month(end)
                + " " + end.getYear() + ")";
    }

    /** "April to June", for table headings. */
    static String months(Quarter quarter) {
        return month(quarter.start()) + " to " + month(quarter.end());
    }

    String title() {
        return "Board report: " + quarter.financialYear().label() + " Q" + quarter.number();
    }

    /** "board-report-2023-24-Q3.pdf": no slash, so that it is a safe file name everywhere. */
    String fileName(String extension) {
        return "board-report-" + quarter.financialYear().label().replace('/', '-') + "-Q" + quarter.number() + "."
                + extension;
    }

    private static String month(LocalDate date) {
        return date.getMonth().getDisplayName(TextStyle.FULL, Locale.UK);
    }
}
