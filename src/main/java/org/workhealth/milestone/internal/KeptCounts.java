package org.workhealth.milestone.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.workhealth.milestone.MilestoneCount;
import org.workhealth.milestone.MilestoneCountQuery;
import org.workhealth.milestone.MilestoneType;

/**
 * Counts by contract added up from the kept counts ({@link DayCounts}): the whole months between the dates from
 * {@code milestone_month_count}, the days of a month the dates cover only in part from {@code milestone_day_count}.
 * A dashboard over every hub for a year then reads a few thousand rows, not millions of milestones.
 */
@Component
class KeptCounts {

    private final JdbcClient jdbc;

    KeptCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Whether the kept counts answer the query: counts (not sums) by contract, with no condition on attributes or
     * organisations. They hold only milestones under a contract, which is all a query naming contracts can match.
     */
    static boolean answers(MilestoneCountQuery query) {
        return query.contractIds() != null && query.organisationIds() == null && query.attributeEquals().isEmpty()
                && !query.sumQuantity();
    }

    /** The same groups as the record gives; groups that add up to 0 (all corrected away) are left out, as there. */
    List<MilestoneCount> count(MilestoneCountQuery query) {
        if (query.contractIds().isEmpty() || query.types() != null && query.types().isEmpty()) {
            return List.of();
        }
        LocalDate from = query.from();
        LocalDate to = query.to();
        // The whole months within the dates: from the first month starting on or after `from` to the last month
        // ending on or before `to` (open where a date is not given).
        LocalDate firstMonth = from == null || from.getDayOfMonth() == 1 ? from
                : from.withDayOfMonth(1).plusMonths(1);
        LocalDate lastMonth = to == null ? null : to.plusDays(1).getDayOfMonth() == 1 ? to.withDayOfMonth(1)
                : to.withDayOfMonth(1).minusMonths(1);
        Map<String, MilestoneCount> sums = new LinkedHashMap<>();
        if (firstMonth != null && lastMonth != null && firstMonth.isAfter(lastMonth)) {
            add(sums, read(query, "milestone_day_count", "occurred_on", from, to));
        } else {
            add(sums, read(query, "milestone_month_count", "month_start", firstMonth, lastMonth));
            if (from != null && from.isBefore(firstMonth)) {
                add(sums, read(query, "milestone_day_count", "occurred_on", from, firstMonth.minusDays(1)));
            }
            if (to != null && to.isAfter(lastMonth.plusMonths(1).minusDays(1))) {
                add(sums, read(query, "milestone_day_count", "occurred_on", lastMonth.plusMonths(1), to));
            }
        }
        List<MilestoneCount> counts = new ArrayList<>(sums.values().stream().filter(c -> c.count() != 0).toList());
        counts.sort(Comparator.comparing((MilestoneCount c) -> c.type().name())
                .thenComparing(MilestoneCount::contractId)
                .thenComparing(MilestoneCount::periodStart, Comparator.nullsFirst(Comparator.naturalOrder())));
        return counts;
    }

    private static void add(Map<String, MilestoneCount> sums, List<MilestoneCount> counts) {
        for (MilestoneCount c : counts) {
            sums.merge(c.type() + " " + c.contractId() + " " + c.periodStart(), c, (a, b) -> new MilestoneCount(
                    a.type(), a.contractId(), a.periodStart(), a.count() + b.count()));
        }
    }

    /** One table's rows between two days (either open), added up by type, contract and, when asked, month. */
    private List<MilestoneCount> read(MilestoneCountQuery query, String table, String day, LocalDate from,
            LocalDate to) {
        String column = query.firstPerCase() ? "first_count" : "current_count";
        String year = "EXTRACT(YEAR FROM k." + day + ")";
        String monthOf = "EXTRACT(MONTH FROM k." + day + ")";
        StringBuilder sql = new StringBuilder("SELECT k.type, k.contract_id")
                .append(query.byMonth() ? ", " + year + " AS y, " + monthOf + " AS mo" : "")
                .append(", SUM(k.").append(column).append(") AS n FROM ").append(table)
                .append(" k WHERE k.contract_id IN (:contracts)");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("contracts", new ArrayList<>(query.contractIds()));
        if (query.types() != null) {
            sql.append(" AND k.type IN (:types)");
            params.put("types", query.types().stream().map(Enum::name).toList());
        }
        if (from != null) {
            sql.append(" AND k.").append(day).append(" >= :from");
            params.put("from", Date.valueOf(from));
        }
        if (to != null) {
            sql.append(" AND k.").append(day).append(" <= :to");
            params.put("to", Date.valueOf(to));
        }
        sql.append(" GROUP BY k.type, k.contract_id").append(query.byMonth() ? ", " + year + ", " + monthOf : "");
        return jdbc.sql(sql.toString()).params(params).query((rs, row) -> new MilestoneCount(
                MilestoneType.valueOf(rs.getString("type")), rs.getLong("contract_id"),
                query.byMonth() ? LocalDate.of(rs.getInt("y"), rs.getInt("mo"), 1) : null, rs.getLong("n"))).list();
    }
}
