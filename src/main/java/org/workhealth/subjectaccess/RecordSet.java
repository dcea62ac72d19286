package org.workhealth.subjectaccess;

import java.sql.ResultSetMetaData;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.RowMapper;

/**
 * One kind of record held about a person, as it is stored: a title and its rows, each row its fields in column
 * order with values that are text, numbers, yes/no, dates ({@code LocalDate}) or times ({@code Instant}), or null.
 */
public record RecordSet(String title, List<Map<String, Object>> rows) {

    /** Reads a row as it is stored, column names in lower case, leaving out working columns that say nothing of the person. */
    public static RowMapper<Map<String, Object>> row(String... leaveOut) {
        Set<String> left = Set.of(leaveOut);
        return (rs, n) -> {
            ResultSetMetaData meta = rs.getMetaData();
            Map<String, Object> fields = new LinkedHashMap<>();
            for (int column = 1; column <= meta.getColumnCount(); column++) {
                String name = meta.getColumnLabel(column).toLowerCase(Locale.ROOT);
                if (!left.contains(name)) {
                    fields.put(name, value(rs.getObject(column)));
                }
            }
            return fields;
        };
    }

    private static Object value(Object stored) {
        if (stored instanceof Timestamp time) {
            return time.toInstant();
        }
        if (stored instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        return stored;
    }
}
