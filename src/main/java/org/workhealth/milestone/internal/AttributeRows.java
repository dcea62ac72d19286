package org.workhealth.milestone.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Milestone attributes as rows of {@code milestone_attribute}, one per name, in the order they were given: the only
 * code that reads or writes them.
 */
@Component
public class AttributeRows {

    /** How many ids go in one IN list, well under any database's limit on parameters. */
    private static final int CHUNK = 500;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    AttributeRows(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Writes the attributes of milestones just inserted, in one batch. */
    public void write(Map<Long, Map<String, String>> byMilestone) {
        List<Object[]> rows = new ArrayList<>();
        byMilestone.forEach((id, attributes) -> {
            int position = 1;
            for (Map.Entry<String, String> attribute : attributes.entrySet()) {
                rows.add(new Object[] {id, attribute.getKey(), position++, attribute.getValue()});
            }
        });
        if (!rows.isEmpty()) {
            batch.batchUpdate("INSERT INTO milestone_attribute (milestone_id, name, ordinal, content) "
                    + "VALUES (?, ?, ?, ?)", rows);
        }
    }

    /** The attributes of each milestone asked for, in their order, one query per 500 milestones. */
    public Map<Long, Map<String, String>> read(Collection<Long> milestoneIds) {
        Map<Long, Map<String, String>> found = new HashMap<>();
        List<Long> ids = new ArrayList<>(Set.copyOf(milestoneIds));
        for (int from = 0; from < ids.size(); from += CHUNK) {
            jdbc.sql("SELECT milestone_id, name, content FROM milestone_attribute WHERE milestone_id IN (:ids) "
                    + "ORDER BY milestone_id, ordinal")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK)))
                    .query((RowCallbackHandler) rs -> found
                            .computeIfAbsent(rs.getLong("milestone_id"), id -> new LinkedHashMap<>())
                            .put(rs.getString("name"), rs.getString("content")));
        }
        return found;
    }

    /**
     * Removes the named attributes of these milestones: erasure, the one change the append-only record takes.
     *
     * @return the milestones that lost an attribute
     */
    public Set<Long> remove(Collection<Long> milestoneIds, Set<String> names) {
        if (milestoneIds.isEmpty() || names.isEmpty()) {
            return Set.of();
        }
        Map<Long, Map<String, String>> before = read(milestoneIds);
        Set<Long> changed = new java.util.TreeSet<>();
        before.forEach((id, attributes) -> {
            if (attributes.keySet().stream().anyMatch(names::contains)) {
                changed.add(id);
            }
        });
        List<Long> ids = new ArrayList<>(changed);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            jdbc.sql("DELETE FROM milestone_attribute WHERE milestone_id IN (:ids) AND name IN (:names)")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK)))
                    .param("names", new ArrayList<>(names)).update();
        }
        return changed;
    }
}
