package org.workhealth.milestone.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.workhealth.milestone.MilestoneCount;
import org.workhealth.milestone.MilestoneCountQuery;
import org.workhealth.milestone.MilestoneType;

/**
 * The set-based counts behind every figure: counts by contract from the kept counts ({@link KeptCounts}), the rest in
 * one grouped query over the current milestones, or the firsts.
 */
@Component
public class MilestoneCounts {

    private final JdbcClient jdbc;
    private final KeptCounts kept;

    MilestoneCounts(JdbcClient jdbc, KeptCounts kept) {
        this.jdbc = jdbc;
        this.kept = kept;
    }

    /**
     * Counts current milestones grouped by type and contract (and month, when asked), in one
     * set-based query. Superseded milestones never count, so a corrected milestone counts once.
     */
    public List<MilestoneCount> count(MilestoneCountQuery query) {
        if (KeptCounts.answers(query)) {
            return kept.count(query);
        }
        StringBuilder sql = new StringBuilder("SELECT m.type, m.contract_id");
        if (query.byMonth()) {
            sql.append(", EXTRACT(YEAR FROM m.occurred_on) AS y, EXTRACT(MONTH FROM m.occurred_on) AS mo");
        }
        // First per case reads the kept projection of each case's first current milestone of a type, plus the
        // milestones with no case, which always count; every other count reads the current milestones.
        sql.append(query.sumQuantity() ? ", SUM(" + quantity(query.types()) + ") AS n FROM " : ", COUNT(*) AS n FROM ")
                .append(query.firstPerCase() ? """
                (SELECT f.milestone_id AS id, f.type, f.contract_id, f.organisation_id, f.occurred_on
                 FROM milestone_first f
                 UNION ALL
                 SELECT c.id, c.type, c.contract_id, c.organisation_id, c.occurred_on FROM milestone c
                 WHERE c.case_id IS NULL AND""" + " " + Current.notSuperseded("c") + ") m WHERE 1 = 1"
                        : "milestone m WHERE " + Current.NOT_SUPERSEDED);
        Map<String, Object> params = new LinkedHashMap<>();
        if (!in(sql, params, "m.type", "types", query.types() == null ? null
                : query.types().stream().map(Enum::name).toList())
                || !in(sql, params, "m.contract_id", "contractIds", query.contractIds())
                || !in(sql, params, "m.organisation_id", "organisationIds", query.organisationIds())) {
            return List.of();
        }
        if (query.from() != null) {
            sql.append(" AND m.occurred_on >= :from");
            params.put("from", Date.valueOf(query.from()));
        }
        if (query.to() != null) {
            sql.append(" AND m.occurred_on <= :to");
            params.put("to", Date.valueOf(query.to()));
        }
        int n = 0;
        for (Map.Entry<String, String> attribute : query.attributeEquals().entrySet()) {
            sql.append(" AND EXISTS (SELECT 1 FROM milestone_attribute a").append(n)
                    .append(" WHERE a").append(n).append(".milestone_id = m.id AND a").append(n)
                    .append(".name = :name").append(n).append(" AND a").append(n).append(".content = :value")
                    .append(n).append(')');
            params.put("name" + n, attribute.getKey());
            params.put("value" + n++, attribute.getValue());
        }
        String groups = query.byMonth() ? "m.type, m.contract_id, EXTRACT(YEAR FROM m.occurred_on), "
                + "EXTRACT(MONTH FROM m.occurred_on)" : "m.type, m.contract_id";
        sql.append(" GROUP BY ").append(groups).append(" ORDER BY ").append(groups);
        return jdbc.sql(sql.toString()).params(params).query((rs, row) -> new MilestoneCount(
                MilestoneType.valueOf(rs.getString("type")), nullableLong(rs, "contract_id"),
                query.byMonth() ? LocalDate.of(rs.getInt("y"), rs.getInt("mo"), 1) : null, rs.getLong("n"))).list();
    }

    /** Adds {@code column IN (:name)}; false when the values are an empty set, which matches nothing. */
    private static boolean in(StringBuilder sql, Map<String, Object> params, String column, String name,
            Collection<?> values) {
        if (values == null) {
            return true;
        }
        if (values.isEmpty()) {
            return false;
        }
        sql.append(" AND ").append(column).append(" IN (:").append(name).append(')');
        params.put(name, new ArrayList<>(values));
        return true;
    }

    /**
     * The quantity of a milestone in SQL, its attribute row read as a whole number. Recording has checked that
     * every milestone of a type with a quantity carries it as a whole number, so the cast cannot fail; a milestone
     * without it (none should exist) adds 0. The attribute names come from {@link MilestoneType}, never from input.
     */
    private static String quantity(Collection<MilestoneType> types) {
        StringBuilder sql = new StringBuilder("CASE m.type");
        for (MilestoneType type : types) {
            sql.append(" WHEN '").append(type.name()).append("' THEN COALESCE((SELECT CAST(q.content AS BIGINT) ")
                    .append("FROM milestone_attribute q WHERE q.milestone_id = m.id AND q.name = '")
                    .append(type.quantityAttribute()).append("'), 0)");
        }
        return sql.append(" ELSE 0 END").toString();
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
