package org.workhealth.returns;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.workhealth.calendar.Quarter;
import org.workhealth.organisation.People;
import org.workhealth.organisation.Person;

/**
 * Reads returns and names the people who compiled them. The names are the organisation module's: they are asked of
 * {@link People} once for all the returns read, never joined to its table.
 */
@Component
class ReturnRecords {

    static final String COLUMNS = """
            d.id, d.organisation_id, d.programme_id, d.financial_year, d.quarter, d.version, d.status, d.compiled_at,
            d.compiled_by, d.row_count, d.collated, d.submitted_at, d.lock_id""";

    private record Unnamed(DataReturn dataReturn, long compiledBy) {
    }

    private final People people;

    ReturnRecords(People people) {
        this.people = people;
    }

    List<DataReturn> list(JdbcClient.StatementSpec query) {
        List<Unnamed> found = query.query(ReturnRecords::unnamed).list();
        Map<Long, String> names = names(found.stream().map(Unnamed::compiledBy).toList());
        return found.stream().map(u -> u.dataReturn().compiledBy(names.get(u.compiledBy()))).toList();
    }

    Optional<DataReturn> optional(JdbcClient.StatementSpec query) {
        return list(query).stream().findFirst();
    }

    /** The full names of these people by id, in one query. */
    Map<Long, String> names(Collection<Long> personIds) {
        return people.findAll(personIds.stream().distinct().toList()).stream()
                .collect(Collectors.toMap(Person::id, Person::fullName));
    }

    private static Unnamed unnamed(ResultSet rs, int n) throws SQLException {
        return new Unnamed(new DataReturn(rs.getLong("id"), rs.getLong("organisation_id"), rs.getLong("programme_id"),
                Quarter.of(rs.getInt("financial_year"), rs.getInt("quarter")), rs.getInt("version"),
                rs.getString("status"), rs.getTimestamp("compiled_at").toInstant(), null, rs.getInt("row_count"),
                rs.getBoolean("collated"), instant(rs.getTimestamp("submitted_at")),
                (Long) rs.getObject("lock_id", Long.class)), rs.getLong("compiled_by"));
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
