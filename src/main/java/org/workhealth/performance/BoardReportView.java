package org.workhealth.performance;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.workhealth.performance.internal.QuarterState;

/**
 * The board report in words, ready for a template: the page and the PDF read the same text so that
 * they cannot disagree. Numbers for the spreadsheet come straight from the {@link KpiTable}s.
 */
record BoardReportView(String title, String quarterDescription, String asOf, List<Section> sections) {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /** One programme's table. */
    record Section(String programmeCode, String programmeName, String scopeName, String yearLabel, String caption,
            List<QuarterHeading> quarters, List<Line> rows) {
    }

    /** "Q1", "April to June 2023". */
    record QuarterHeading(String label, String months) {
    }

    record Line(String name, String total, String baseline, List<Cell> quarters, String cumulative) {
    }

    /**
     * @param rating   the rating in words ("Green", "Not rated"); null until the quarter has finished, when
     *                 the actual already says "Not started" or "so far"
     * @param ragClass "green", "amber", "red" or "none", for colour beside the words
     */
    record Cell(String forecast, boolean asLeft, String actual, String rating, String ragClass, String note) {
    }

    static BoardReportView of(BoardReport report) {
        return new BoardReportView(report.title(), BoardReport.describe(report.quarter()), DATE.format(report.asOf()),
                report.tables().stream().map(table -> section(report, table)).toList());
    }

    private static Section section(BoardReport report, KpiTable table) {
        List<QuarterHeading> quarters = table.year().quarters().stream()
                .map(q -> new QuarterHeading("Q" + q.number(), BoardReport.months(q) + " " + q.end().getYear()))
                .toList();
        String caption = table.programmeName() + ": KPIs " + table.year().label() + " for " + table.scopeName()
                + ", as at " + DATE.format(report.asOf());
        return new Section(table.programmeCode(), table.programmeName(), table.scopeName(), table.year().label(),
                caption, quarters, table.rows().stream().map(BoardReportView::line).toList());
    }

    private static Line line(KpiRow row) {
        return new Line(row.name(), row.totalText(), row.baselineText(),
                row.quarters().stream().map(cell -> cell(row, cell)).toList(), row.cumulativeText());
    }

    /** The same words as the page's KPI table ({@link KpiRow}'s texts), with the rating spelt out. */
    private static Cell cell(KpiRow row, KpiCell cell) {
        boolean rated = BoardReportText.rated(cell);
        return new Cell(row.forecastText(cell), cell.asLeft(), row.actualText(cell),
                cell.state() == QuarterState.FINISHED ? BoardReportText.rating(cell) : null, rated ? cell.rag().name().toLowerCase(Locale.ROOT) : "none",
                cell.note());
    }
}
