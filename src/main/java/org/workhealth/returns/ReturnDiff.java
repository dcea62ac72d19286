package org.workhealth.returns;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What changed between two versions of a return: figures that differ, and participants added, removed or with
 * different values, matched by their pseudonymous id.
 */
record ReturnDiff(int previousVersion, List<FigureChange> figures, List<String> added, List<String> removed,
        List<RowChange> changed) {

    record FigureChange(String name, String before, String after) {
    }

    record ValueChange(String column, String before, String after) {
    }

    record RowChange(String participantId, List<ValueChange> values) {
    }

    static ReturnDiff between(int previousVersion, List<ReturnFigure> beforeFigures, List<ReturnFigure> afterFigures,
            List<ExtractRow> beforeRows, List<ExtractRow> afterRows, List<ReturnColumn> columns) {
        Map<String, ReturnFigure> before = beforeFigures.stream()
                .collect(Collectors.toMap(ReturnFigure::code, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        List<FigureChange> figures = new ArrayList<>();
        for (ReturnFigure after : afterFigures) {
            ReturnFigure was = before.remove(after.code());
            String wasText = was == null ? "–" : was.text();
            if (!wasText.equals(after.text())) {
                figures.add(new FigureChange(after.name(), wasText, after.text()));
            }
        }
        before.values().forEach(was -> figures.add(new FigureChange(was.name(), was.text(), "–")));

        Map<String, ExtractRow> old = beforeRows.stream()
                .collect(Collectors.toMap(ExtractRow::participantId, Function.identity(), (a, b) -> a,
                        LinkedHashMap::new));
        List<String> added = new ArrayList<>();
        List<RowChange> changed = new ArrayList<>();
        for (ExtractRow row : afterRows) {
            ExtractRow was = old.remove(row.participantId());
            if (was == null) {
                added.add(row.participantId());
                continue;
            }
            List<ValueChange> values = new ArrayList<>();
            for (ReturnColumn column : columns) {
                String a = column.value(was);
                String b = column.value(row);
                if (!Objects.equals(a, b)) {
                    values.add(new ValueChange(column.heading(), column.shown(was), column.shown(row)));
                }
            }
            if (!values.isEmpty()) {
                changed.add(new RowChange(row.participantId(), values));
            }
        }
        return new ReturnDiff(previousVersion, figures, added, new ArrayList<>(old.keySet()), changed);
    }

    public boolean none() {
        return figures.isEmpty() && added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }
}
