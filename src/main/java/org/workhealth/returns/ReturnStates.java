package org.workhealth.returns;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.workhealth.calendar.FinancialYear;

/**
 * The life of returns in the database: status changes, each made by a conditional update so that two people acting
 * on the same version at once cannot both succeed, and the events that record who did what and why.
 */
@Repository
class ReturnStates {

    private static final String SELECT = "SELECT " + ReturnRecords.COLUMNS + " FROM data_return d ";

    private final JdbcClient jdbc;
    private final ReturnRecords records;

    ReturnStates(JdbcClient jdbc, ReturnRecords records) {
        this.jdbc = jdbc;
        this.records = records;
    }

    Optional<DataReturn> byId(long id) {
        return records.optional(jdbc.sql(SELECT + "WHERE d.id = ?").param(id));
    }

    /** The version before this one, if there is one. */
    Optional<DataReturn> previous(DataReturn r) {
        return records.optional(jdbc.sql(SELECT + "WHERE d.organisation_id = ? AND d.programme_id = ? "
                + "AND d.financial_year = ? AND d.quarter = ? AND d.collated = ? AND d.version = ?")
                .params(r.organisationId(), r.programmeId(), r.quarter().financialYear().startYear(),
                        r.quarter().number(), r.collated(), r.version() - 1));
    }

    /** The latest version of each of these organisations' returns of the programme in the year. */
    List<DataReturn> latest(Collection<Long> organisationIds, long programmeId, FinancialYear year, boolean collated) {
        if (organisationIds.isEmpty()) {
            return List.of();
        }
        return records.list(jdbc.sql(SELECT + "WHERE d.organisation_id IN (:organisations) "
                + "AND d.programme_id = :programme AND d.financial_year = :year AND d.collated = :collated "
                + "AND d.version = " + ReturnStore.LATEST + ")").param("organisations", organisationIds)
                .param("programme", programmeId).param("year", year.startYear()).param("collated", collated));
    }

    /** The collated returns sent by these organisations, newest quarter first. */
    List<DataReturn> sent(Collection<Long> organisationIds) {
        return records.list(jdbc.sql(SELECT + "WHERE d.collated = TRUE AND d.status = :sent "
                + "AND d.organisation_id IN (:scope) ORDER BY d.financial_year DESC, d.quarter DESC, d.version DESC")
                .param("sent", ReturnStatus.SENT.name()).param("scope", organisationIds));
    }

    /**
     * Moves the return from one status to another; false when it was no longer in {@code from}.
     *
     * @throws IllegalArgumentException when a return may not move so
     */
    boolean move(long id, ReturnStatus from, ReturnStatus to) {
        if (!from.canBecome(to)) {
            throw new IllegalArgumentException("A return cannot go from " + from + " to " + to);
        }
        return jdbc.sql("UPDATE data_return SET status = ? WHERE id = ? AND status = ?")
                .params(to.name(), id, from.name()).update() == 1;
    }

    void submitted(long id, Instant at) {
        jdbc.sql("UPDATE data_return SET submitted_at = ? WHERE id = ?").params(Timestamp.from(at), id).update();
    }

    void lock(long id, Long lockId) {
        jdbc.sql("UPDATE data_return SET lock_id = ? WHERE id = ?").params(lockId, id).update();
    }

    List<Long> contracts(long id) {
        return jdbc.sql("SELECT contract_id FROM data_return_contract WHERE return_id = ? ORDER BY contract_id")
                .param(id).query(Long.class).list();
    }

    void event(long id, String action, Instant at, long by, String remark) {
        jdbc.sql("INSERT INTO data_return_event (return_id, action, happened_at, by_person, remark) "
                + "VALUES (?, ?, ?, ?, ?)").params(id, action, Timestamp.from(at), by, remark).update();
    }

    /** What happened to the return, oldest first. */
    List<ReturnEvent> events(long id) {
        record Row(String action, Instant at, long by, String remark) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT action, happened_at, by_person, remark FROM data_return_event WHERE return_id = ? ORDER BY id""")
                .param(id).query((rs, n) -> new Row(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getLong(3),
                        rs.getString(4))).list();
        Map<Long, String> names = records.names(rows.stream().map(Row::by).toList());
        return rows.stream().map(r -> new ReturnEvent(r.action(), r.at(), names.get(r.by()), r.remark())).toList();
    }

    /** The latest comment the hub made when it returned the return or lifted its lock, if any. */
    Optional<ReturnEvent> lastComment(long id) {
        List<ReturnEvent> events = events(id);
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).remark() != null) {
                return Optional.of(events.get(i));
            }
        }
        return Optional.empty();
    }
}
