package org.workhealth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A milestone's attributes written as {@code key=value;key=value} in the order they were given, so a test can say in
 * one line what a milestone holds; read from {@code milestone_attribute}, where they are stored.
 */
public final class MilestoneText {

    private MilestoneText() {
    }

    /** The attributes of one milestone, or null when it has none. */
    public static String of(JdbcClient jdbc, long milestoneId) {
        List<String> pairs = jdbc.sql("SELECT name, content FROM milestone_attribute WHERE milestone_id = ? "
                + "ORDER BY ordinal").param(milestoneId)
                .query((rs, n) -> rs.getString("name") + "=" + rs.getString("content")).list();
        return pairs.isEmpty() ? null : pairs.stream().collect(Collectors.joining(";"));
    }

    /** Milestone rows as read with {@code SELECT *}, each with its attributes' text under {@code attributes}. */
    public static List<Map<String, Object>> withText(JdbcClient jdbc, List<Map<String, Object>> milestones) {
        return milestones.stream().map(row -> {
            Map<String, Object> withText = new LinkedHashMap<>(row);
            withText.put("attributes", of(jdbc, ((Number) row.get("id")).longValue()));
            return withText;
        }).toList();
    }

    /** The attributes of the one milestone of this type on a case. */
    public static String ofOnly(JdbcClient jdbc, long caseId, String type) {
        return of(jdbc, jdbc.sql("SELECT id FROM milestone WHERE case_id = ? AND type = ?").params(caseId, type)
                .query(Long.class).single());
    }
}
