package org.workhealth.returns;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.workhealth.calendar.Quarter;

/**
 * The checks a return passes before it may be submitted. Pure: given the template, the quarter, the figures and the
 * rows, it says what is wrong. Each rule gives one message however many rows break it, naming a few participant
 * ids so that the rows can be found; no value that might be personal is ever repeated in a message.
 */
final class ReturnValidation {

    /** How many participant ids a message names. */
    static final int EXAMPLES = 3;

    private ReturnValidation() {
    }

    static List<ReturnIssue> validate(ReturnTemplate template, Quarter quarter, List<ReturnFigure> figures,
            List<ExtractRow> rows, PersonalDataScan scan) {
        List<ReturnIssue> issues = new ArrayList<>();
        columns(template, rows, issues);
        figures(quarter, figures, rows, issues);
        dates(quarter, rows, issues);
        personalData(template, rows, scan, issues);
        if (rows.isEmpty()) {
            issues.add(ReturnIssue.warning("The extract has no participants: no case had a milestone by "
                    + quarter.end()));
        }
        notKnown(template, rows, issues);
        // Errors first, each group in the order found.
        List<ReturnIssue> ordered = new ArrayList<>(issues.stream().filter(ReturnIssue::isError).toList());
        ordered.addAll(issues.stream().filter(i -> !i.isError()).toList());
        return ordered;
    }

    /** Every column is one the service can compile, the participant id is there, and required columns are filled. */
    private static void columns(ReturnTemplate template, List<ExtractRow> rows, List<ReturnIssue> issues) {
        boolean hasId = false;
        for (ReturnTemplate.Column column : template.columns()) {
            ReturnColumn known = column.known();
            if (known == null) {
                issues.add(ReturnIssue.error("The template's column " + column.code()
                        + " is not one the service can compile"));
                continue;
            }
            hasId |= known == ReturnColumn.PARTICIPANT_ID;
            if (column.required()) {
                List<String> empty = rows.stream().filter(r -> known.value(r).isEmpty())
                        .map(ExtractRow::participantId).toList();
                if (!empty.isEmpty()) {
                    issues.add(ReturnIssue.error(rowsText(empty) + " no " + known.heading().toLowerCase()
                            + ", which the return requires" + examples(empty)));
                }
            }
        }
        if (!hasId) {
            issues.add(ReturnIssue.error("The template has no Participant ID column"));
        }
    }

    /** A figure that counts each case's first milestone of a type equals the rows with that date in the quarter. */
    private static void figures(Quarter quarter, List<ReturnFigure> figures, List<ExtractRow> rows,
            List<ReturnIssue> issues) {
        for (ReturnFigure figure : figures) {
            ReturnColumn column = figure.checkedColumn();
            if (column == null) {
                continue;
            }
            long inExtract = rows.stream().map(column::dateOf).filter(d -> d != null && quarter.contains(d)).count();
            long counted = figure.figure() == null ? 0 : figure.figure().longValue();
            if (inExtract != counted) {
                issues.add(ReturnIssue.error(figure.name() + " is " + counted + " but " + inExtract
                        + (inExtract == 1 ? " row of the extract has a " : " rows of the extract have a ")
                        + column.heading().toLowerCase() + " in " + quarter.label()));
            }
        }
    }

    /** No date after the quarter's end, and the steps in their order: referral, engagement, plan, outcomes, exit. */
    private static void dates(Quarter quarter, List<ExtractRow> rows, List<ReturnIssue> issues) {
        LocalDate end = quarter.end();
        Map<ReturnColumn, List<String>> late = new EnumMap<>(ReturnColumn.class);
        Map<String, List<String>> order = new TreeMap<>();
        for (ExtractRow row : rows) {
            for (ReturnColumn column : ReturnColumn.values()) {
                LocalDate date = column.isDate() ? column.dateOf(row) : null;
                if (date != null && date.isAfter(end)) {
                    late.computeIfAbsent(column, c -> new ArrayList<>()).add(row.participantId());
                }
            }
            before(order, row, row.engagedOn(), row.referredOn(), "a date of engagement before the date of referral");
            before(order, row, row.actionPlanAgreedOn(), row.referredOn(),
                    "an action plan agreed before the date of referral");
            before(order, row, row.jobStartOn(), row.referredOn(), "a job start before the date of referral");
            before(order, row, row.jobRetentionOn(), row.referredOn(), "a job retention before the date of referral");
            before(order, row, row.exitedOn(), row.referredOn(), "an exit before the date of referral");
            if (row.actionPlanAgreedOn() != null && row.engagedOn() == null) {
                order.computeIfAbsent("an action plan agreed but no engagement", k -> new ArrayList<>())
                        .add(row.participantId());
            }
        }
        late.forEach((column, ids) -> issues.add(ReturnIssue.error(rowsText(ids) + " a "
                + column.heading().toLowerCase() + " after the quarter ended on " + end + examples(ids))));
        order.forEach((what, ids) -> issues.add(ReturnIssue.error(rowsText(ids) + " " + what + examples(ids))));
    }

    private static void before(Map<String, List<String>> order, ExtractRow row, LocalDate later, LocalDate earlier,
            String what) {
        if (later != null && earlier != null && later.isBefore(earlier)) {
            order.computeIfAbsent(what, k -> new ArrayList<>()).add(row.participantId());
        }
    }

    /** Nothing that leaves the locality may name a participant or say how to reach them. */
    private static void personalData(ReturnTemplate template, List<ExtractRow> rows, PersonalDataScan scan,
            List<ReturnIssue> issues) {
        Map<String, Set<PersonalDataScan.Kind>> seen = new HashMap<>();
        // In the order of the template's columns.
        Map<String, List<String>> found = new java.util.LinkedHashMap<>();
        for (ReturnColumn column : template.knownColumns()) {
            for (PersonalDataScan.Kind kind : PersonalDataScan.Kind.values()) {
                found.put(column.heading() + "\u0000" + kind.label(), new ArrayList<>());
            }
        }
        for (ExtractRow row : rows) {
            for (ReturnColumn column : template.knownColumns()) {
                if (column.isDate()) {
                    continue;
                }
                String value = column.value(row);
                // Coded answers repeat from row to row: each distinct value is scanned once.
                Set<PersonalDataScan.Kind> kinds = seen.computeIfAbsent(value, scan::scan);
                for (PersonalDataScan.Kind kind : kinds) {
                    found.get(column.heading() + "\u0000" + kind.label()).add(row.participantId());
                }
            }
        }
        found.forEach((key, ids) -> {
            if (ids.isEmpty()) {
                return;
            }
            String[] parts = key.split("\u0000");
            issues.add(ReturnIssue.error(rowsText(ids) + " what looks like " + parts[1] + " in the column "
                    + parts[0] + ": personal identifiers must not leave the locality" + examples(ids)));
        });
    }

    /** Equality answers not known are allowed, but a reviewer will ask about many of them. */
    private static void notKnown(ReturnTemplate template, List<ExtractRow> rows, List<ReturnIssue> issues) {
        for (ReturnColumn column : List.of(ReturnColumn.SEX, ReturnColumn.ETHNICITY, ReturnColumn.DISABILITY)) {
            if (!template.knownColumns().contains(column) || template.columns().stream()
                    .anyMatch(c -> c.required() && column.name().equals(c.code()))) {
                continue;
            }
            long empty = rows.stream().filter(r -> column.value(r).isEmpty()).count();
            if (empty > 0) {
                issues.add(ReturnIssue.warning(empty + (empty == 1 ? " row has" : " rows have") + " no "
                        + column.heading().toLowerCase() + " recorded"));
            }
        }
    }

    private static String rowsText(List<String> ids) {
        return ids.size() == 1 ? "1 row has" : ids.size() + " rows have";
    }

    private static String examples(List<String> ids) {
        List<String> some = ids.stream().sorted().limit(EXAMPLES).toList();
        return (some.size() == 1 ? " (participant " : " (participants ") + String.join(", ", some) + (ids.size() > EXAMPLES ? " and others" : "") + ")";
    }
}
