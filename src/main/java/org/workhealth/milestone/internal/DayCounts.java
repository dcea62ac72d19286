package org.workhealth.milestone.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.workhealth.milestone.MilestoneType;

/**
 * Keeps {@code milestone_day_count} and {@code milestone_month_count}: per contract, type and day (and month), how
 * many milestones are current and how many count as a case's first. A write gathers its changes in a {@link Changes}
 * and applies them once, days then months, each in key order, so that two writers touching the same days take their
 * row locks in the same order and cannot deadlock. Each change is an increment, so writers that commit in any order
 * leave the right totals.
 */
@Component
public class DayCounts {

    /** The two tables: the days, and the same counts by the first day of their month. */
    private static final String[][] TABLES = {{"milestone_day_count", "occurred_on"},
            {"milestone_month_count", "month_start"}};

    private final JdbcTemplate jdbc;

    DayCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One counted day. */
    record Key(long contractId, String type, LocalDate on) {
        static final Comparator<Key> ORDER = Comparator.comparingLong(Key::contractId).thenComparing(Key::type)
                .thenComparing(Key::on);
    }

    /** The changes of one write, added up per day; milestones under no contract are not counted here. */
    public static final class Changes {

        private final Map<Key, long[]> byKey = new TreeMap<>(Key.ORDER);

        /** A milestone that became current (+1) or stopped being current (-1). */
        public Changes current(Long contractId, MilestoneType type, LocalDate on, boolean hasCase, int delta) {
            return add(contractId, type, on, delta, hasCase ? 0 : delta);
        }

        /** A case's first milestone of a type that came (+1) or went (-1). */
        public Changes first(Long contractId, MilestoneType type, LocalDate on, int delta) {
            return add(contractId, type, on, 0, delta);
        }

        private Changes add(Long contractId, MilestoneType type, LocalDate on, int current, int first) {
            if (contractId != null) {
                long[] sums = byKey.computeIfAbsent(new Key(contractId, type.name(), on), k -> new long[2]);
                sums[0] += current;
                sums[1] += first;
            }
            return this;
        }
    }

    /** Adds the changes to the day counts, then to the month counts. */
    public void apply(Changes changes) {
        Map<Key, long[]> months = new TreeMap<>(Key.ORDER);
        changes.byKey.forEach((key, sums) -> {
            long[] month = months.computeIfAbsent(new Key(key.contractId(), key.type(), key.on().withDayOfMonth(1)),
                    k -> new long[2]);
            month[0] += sums[0];
            month[1] += sums[1];
        });
        apply(TABLES[0], changes.byKey);
        apply(TABLES[1], months);
    }

    /**
     * Adds the changes to one table in three batched statements at most: bump the rows that are there, make the
     * rows that are missing (a concurrent writer may make one first), and bump the ones it made.
     */
    private void apply(String[] table, Map<Key, long[]> changes) {
        List<Object[]> rows = new ArrayList<>();
        changes.forEach((key, sums) -> {
            if (sums[0] != 0 || sums[1] != 0) {
                rows.add(new Object[] {sums[0], sums[1], key.contractId(), key.type(), Date.valueOf(key.on())});
            }
        });
        if (rows.isEmpty()) {
            return;
        }
        String bump = "UPDATE " + table[0] + " SET current_count = current_count + ?, first_count = first_count + ? "
                + "WHERE contract_id = ? AND type = ? AND " + table[1] + " = ?";
        List<Object[]> missing = missing(rows, jdbc.batchUpdate(bump, rows));
        if (missing.isEmpty()) {
            return;
        }
        List<Object[]> inserts = missing.stream().map(r -> new Object[] {r[2], r[3], r[4], r[0], r[1]}).toList();
        int[] made = jdbc.batchUpdate("INSERT INTO " + table[0] + " (contract_id, type, " + table[1]
                + ", current_count, first_count) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", inserts);
        List<Object[]> lost = missing(missing, made);
        if (!lost.isEmpty()) {
            jdbc.batchUpdate(bump, lost);
        }
    }

    /** The rows whose statement changed nothing. */
    private static List<Object[]> missing(List<Object[]> rows, int[] updated) {
        List<Object[]> missing = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (updated[i] < 0) {
                // A driver set to rewrite batches reports no counts; the counts would silently go wrong.
                throw new IllegalStateException("The JDBC driver did not say which day counts it changed");
            }
            if (updated[i] == 0) {
                missing.add(rows.get(i));
            }
        }
        return missing;
    }
}
