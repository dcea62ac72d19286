package org.workhealth.calendar;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code bank_holiday} table, and the dates in it held in memory: every working-day
 * calculation needs them, and they change a few times a year.
 */
@Repository
class BankHolidays {

    /** Where a row came from, kept so that a surprising holiday can be traced. */
    enum Source { SHIPPED_FILE, UPLOADED_FILE, ADMINISTRATOR }

    /** The cache also expires, so that a change made on another instance of the service shows here too. */
    private static final Duration REFRESH = Duration.ofMinutes(10);
    /** Rows per INSERT: well within every database's limit on parameters in one statement. */
    private static final int ROWS_PER_INSERT = 100;
    private static final RowMapper<BankHoliday> ROW = (rs, n) ->
            new BankHoliday(rs.getObject("holiday_date", LocalDate.class), rs.getString("title"));

    private record Snapshot(BankHolidayCalendar calendar, long change, Instant loadedAt) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final AtomicLong changes = new AtomicLong();
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();

    BankHolidays(JdbcClient jdbc, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** The dates as they are now, from memory unless they changed or the copy is old. */
    BankHolidayCalendar calendar() {
        // Read the change count before the table: a change made while we read bumps the count,
        // so the next call reloads instead of keeping what may be a stale copy.
        long change = changes.get();
        Instant now = clock.instant();
        Snapshot current = snapshot.get();
        if (current != null && current.change() == change && now.isBefore(current.loadedAt().plus(REFRESH))) {
            return current.calendar();
        }
        List<LocalDate> dates = jdbc.sql("SELECT holiday_date FROM bank_holiday").query(LocalDate.class).list();
        Snapshot fresh = new Snapshot(BankHolidayCalendar.of(dates), change, now);
        snapshot.set(fresh);
        return fresh.calendar();
    }

    List<BankHoliday> all() {
        return jdbc.sql("SELECT holiday_date, title FROM bank_holiday ORDER BY holiday_date").query(ROW).list();
    }

    Optional<BankHoliday> find(LocalDate date) {
        return jdbc.sql("SELECT holiday_date, title FROM bank_holiday WHERE holiday_date = :date")
                .param("date", date).query(ROW).optional();
    }

    boolean isEmpty() {
        return jdbc.sql("SELECT COUNT(*) FROM bank_holiday").query(Long.class).single() == 0;
    }

    /** @return false when there is already a bank holiday on that date */
    boolean add(BankHoliday holiday, Source source) {
        return addAll(List.of(holiday), source) == 1;
    }

    /**
     * Adds the holidays on dates not yet listed, leaving those already listed as they are (an
     * administrator may have renamed one), all in one transaction.
     *
     * @return how many were added
     */
    int addAll(Collection<BankHoliday> holidays, Source source) {
        Integer added = transaction.execute(status -> {
            Set<LocalDate> listed = new HashSet<>(
                    jdbc.sql("SELECT holiday_date FROM bank_holiday").query(LocalDate.class).list());
            // Set.add is false for a date already listed or already seen earlier in the same file.
            List<BankHoliday> fresh = holidays.stream().filter(h -> listed.add(h.date())).toList();
            Timestamp now = Timestamp.from(clock.instant());
            for (int from = 0; from < fresh.size(); from += ROWS_PER_INSERT) {
                insert(fresh.subList(from, Math.min(fresh.size(), from + ROWS_PER_INSERT)), source, now);
            }
            return fresh.size();
        });
        changes.incrementAndGet();
        return added == null ? 0 : added;
    }

    /** @return false when there was no bank holiday on that date */
    boolean remove(LocalDate date) {
        int removed = jdbc.sql("DELETE FROM bank_holiday WHERE holiday_date = :date").param("date", date).update();
        changes.incrementAndGet();
        return removed > 0;
    }

    /** One multi-row INSERT: plain SQL that H2 and PostgreSQL both run as a single statement. */
    private void insert(List<BankHoliday> rows, Source source, Timestamp now) {
        StringBuilder sql = new StringBuilder("INSERT INTO bank_holiday (holiday_date, title, source, added_at) VALUES ");
        Map<String, Object> params = new HashMap<>();
        params.put("source", source.name());
        params.put("at", now);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            values.add("(:date" + i + ", :title" + i + ", :source, :at)");
            params.put("date" + i, rows.get(i).date());
            params.put("title" + i, rows.get(i).title());
        }
        sql.append(String.join(", ", values));
        jdbc.sql(sql.toString()).params(params).update();
    }
}
