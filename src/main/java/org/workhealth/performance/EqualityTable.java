package org.workhealth.performance;

import java.util.ArrayList;
import java.util.List;

import org.workhealth.referral.EqualityBreakdown;
import org.workhealth.referral.ReferralEquality;

/**
 * One equality breakdown as it may be shown: every column's counts hidden by {@link EqualitySuppression} (each
 * column on its own, as each adds up to its own total), and a total row. Pages that show equality tables (the
 * programme's, a trial's) use it with the fragment {@code performance/equality-tables}.
 *
 * @param rows  one row per group, one shown value per column
 * @param total the column totals, hidden by the same rule
 */
public record EqualityTable(String id, String caption, String heading, List<Row> rows, Row total) {

    public record Row(String group, List<String> cells) {
    }

    /** The note every page with these tables shows, above them, with the id {@code suppression}. */
    public static final int THRESHOLD = EqualitySuppression.THRESHOLD;

    public static List<EqualityTable> of(List<EqualityBreakdown> breakdowns, int columns) {
        return breakdowns.stream().map(b -> of(b, columns)).toList();
    }

    public static EqualityTable of(EqualityBreakdown breakdown, int columnCount) {
        int groups = breakdown.groups().size();
        List<List<String>> columns = new ArrayList<>();
        List<String> totals = new ArrayList<>();
        for (int column = 0; column < columnCount; column++) {
            int c = column;
            List<Long> counts = breakdown.groups().stream().map(g -> g.counts().get(c)).toList();
            columns.add(EqualitySuppression.RULE.cells(counts));
            totals.add(EqualitySuppression.RULE.total(counts.stream().mapToLong(Long::longValue).sum()));
        }
        List<Row> rows = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            List<String> cells = new ArrayList<>();
            for (List<String> column : columns) {
                cells.add(column.get(g));
            }
            rows.add(new Row(breakdown.groups().get(g).name(), cells));
        }
        String id = "equality-" + breakdown.dimension().toLowerCase().replaceAll("[^a-z]+", "-");
        return new EqualityTable(id, breakdown.dimension(), heading(breakdown.dimension()), rows,
                new Row("Total", totals));
    }

    private static String heading(String dimension) {
        return switch (dimension) {
            case ReferralEquality.AGE -> "Age";
            case ReferralEquality.AREA -> "IMD decile of the postcode";
            default -> dimension;
        };
    }
}
