package org.workhealth.returns;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
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

    private static final String SELECT = "SELECT d.id, d.organisation_id, d.programme_id, d.financial_year, d.quarter, "
            + "d.version, d.status, d.compiled_at, p.full_name, d.row_count, d.collated, d.submitted_at, d.lock_id "
            + "FROM data_return d JOIN person p ON p.id = d.compiled_by ";

    private final JdbcClient jdbc;

    ReturnStates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<DataReturn> byId(long id) {
        return jdbc.sql(SELECT + "WHERE d.id = ?").param(id).query(ReturnStore::dataReturn).optional();
    }

    /** The version before this one, if there is one. */
    Optional<DataReturn> previous(DataReturn r) {
        return jdbc.sql(SELECT + "WHERE d.organisation_id = ? AND d.programme_id = ? AND d.financial_year = ? "
                + "AND d.quarter = ? AND d.collated = ? AND d.version = ?")
                .params(r.organisationId(), r.programmeId(), r.quarter().financialYear().startYear(),
                        r.quarter().number(), r.collated(), r.version() - 1)
                .query(ReturnStore::dataReturn).optional();
    }

    /** The latest version of each of these organisations' returns of the programme in the year. */
    List<DataReturn> latest(Collection<Long> organisationIds, long programmeId, FinancialYear year, boolean collated) {
        if (organisationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + "WHERE d.organisation_id IN (:organisations) AND d.programme_id = :programme "
                + "AND d.financial_year = :year AND d.collated = :collated AND d.version = " + ReturnStore.LATEST
                + ")").param("organisations", organisationIds).param("programme", programmeId)
                .param("year", year.startYear()).param("collated", collated)
                .query(ReturnStore::dataReturn).list();
    }

    /** The collated returns sent by these organisations, newest quarter first. */
    List<DataReturn> sent(Collection<Long> organisationIds) {
        return jdbc.sql(SELECT + "WHERE d.collated = TRUE AND d.status = 'SENT' AND d.organisation_id IN (:scope) "
                + "ORDER BY d.financial_year DESC, d.quarter DESC, d.version DESC").param("scope", organisationIds)
                .query(ReturnStore::dataReturn).list();
    }

    /** Moves the return from one status to another; false when it was no longer in {@code from}. */
    boolean move(long id, String from, String to) {
        return jdbc.sql("UPDATE data_return SET status = ? WHERE id = ? AND status = ?").params(to, id, from)
                .update() == 1;
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
        return jdbc.sql("""
                SELECT e.action, e.happened_at, p.full_name, e.remark FROM data_return_event e
                JOIN person p ON p.id = e.by_person WHERE e.return_id = ? ORDER BY e.id""").param(id)
                .query((rs, n) -> new ReturnEvent(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4))).list();
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
