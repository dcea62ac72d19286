package org.workhealth.performance;
import org.workhealth.performance.internal.QuarterState;
import org.workhealth.performance.internal.Rag;

/**
 * A quarter's rating in words, for the PDF and the spreadsheet (the page shows the same as a tag).
 * Colour is never the only signal: every rating is also a word.
 */
final class BoardReportText {

    static final String NOT_STARTED = "Not started";
    static final String IN_PROGRESS = "In progress";

    private BoardReportText() {
    }

    /** Only finished quarters are rated; the others say where they stand. */
    static String rating(KpiCell cell) {
        return switch (cell.state()) {
            case NOT_STARTED -> NOT_STARTED;
            case IN_PROGRESS -> IN_PROGRESS;
            case FINISHED -> cell.rag().label();
        };
    }

    /** Whether the cell carries a colour beside its word (a finished quarter with a forecast). */
    static boolean rated(KpiCell cell) {
        return cell.state() == QuarterState.FINISHED && cell.rag() != Rag.NONE;
    }
}
