package org.workhealth.returns;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.workhealth.calendar.Quarter;

/**
 * Compiled returns in the database: the returns themselves, their participants' pseudonyms, extract rows, figures
 * and issues. Only this module's tables: what the extract says of each participant comes from the modules that own
 * it ({@link ReturnExtracts}).
 */
@Repository
class ReturnStore {

    static final String ROW_COLUMNS = """
            pseudonym, cohort, age_band, sex, ethnicity, disability, employment_status, referred_on, engaged_on,
            action_plan_on, job_start_on, job_retention_on, exited_on, exit_reason""";

    /** The latest version of the same organisation's return (or collation) of the programme and quarter. */
    static final String LATEST = """
            (SELECT MAX(v.version) FROM data_return v WHERE v.organisation_id = d.organisation_id
             AND v.programme_id = d.programme_id AND v.financial_year = d.financial_year AND v.quarter = d.quarter
             AND v.collated = d.collated""";

    private static final int CHUNK = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final ReturnRecords records;

    ReturnStore(JdbcClient jdbc, JdbcTemplate batch, ReturnRecords records) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.records = records;
    }

    Optional<DataReturn> find(long organisationId, long programmeId, Quarter quarter) {
        return records.optional(jdbc.sql("SELECT " + ReturnRecords.COLUMNS + " FROM data_return d "
                + "WHERE d.organisation_id = ? AND d.programme_id = ? AND d.financial_year = ? AND d.quarter = ? "
                + "AND d.collated = FALSE ORDER BY d.version DESC FETCH FIRST 1 ROWS ONLY")
                .params(organisationId, programmeId, quarter.financialYear().startYear(), quarter.number()));
    }

    /** The organisation's latest return of each programme and quarter, for these programmes. */
    List<DataReturn> forOrganisation(long organisationId, List<Long> programmeIds) {
        if (programmeIds.isEmpty()) {
            return List.of();
        }
        return records.list(jdbc.sql("SELECT " + ReturnRecords.COLUMNS + " FROM data_return d "
                + "WHERE d.organisation_id = :organisation AND d.programme_id IN (:programmes) "
                + "AND d.collated = FALSE AND d.version = " + LATEST + ")").param("organisation", organisationId)
                .param("programmes", programmeIds));
    }
    /**
     * The draft to compile into: a new version 1, or the existing draft emptied of what it held, locked until the
     * transaction ends so that two compiles of it happen one after the other.
     *
     * @return the return's id, or empty when the return is no longer a draft
     */
    Optional<Long> draft(long organisationId, long programmeId, Quarter quarter, Instant at, long by) {
        Optional<Long> existing = jdbc.sql("""
                SELECT id FROM data_return WHERE organisation_id = ? AND programme_id = ? AND financial_year = ?
                AND quarter = ? AND status = ? FOR UPDATE""")
                .params(organisationId, programmeId, quarter.financialYear().startYear(), quarter.number(),
                        ReturnStatus.DRAFT.name()).query(Long.class).optional();
        if (existing.isPresent()) {
            emptyDraft(jdbc, existing.get(), at, by, "data_return_contract");
            return existing;
        }
        Optional<DataReturn> latest = find(organisationId, programmeId, quarter);
        if (latest.isPresent() && !latest.get().is(DataReturn.RETURNED)) {
            return Optional.empty();
        }
        // A returned return is compiled again as the next version, so the version the hub returned stays as it was.
        int version = latest.map(r -> r.version() + 1).orElse(1);
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO data_return (organisation_id, programme_id, financial_year, quarter, version, status,
                                         compiled_at, compiled_by, row_count)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)""").params(organisationId, programmeId,
                quarter.financialYear().startYear(), quarter.number(), version, ReturnStatus.DRAFT.name(),
                Timestamp.from(at), by)
                .update(key, "id");
        return Optional.of(key.getKeyAs(Number.class).longValue());
    }

    /**
     * Empties a draft (or unsent collation) of what compiling put in it, the {@code parts} of its kind included,
     * and notes who compiles it again and when.
     */
    static void emptyDraft(JdbcClient jdbc, long id, Instant at, long by, String parts) {
        for (String table : List.of("data_return_issue", "data_return_figure", "data_return_row", parts)) {
            jdbc.sql("DELETE FROM " + table + " WHERE return_id = ?").param(id).update();
        }
        jdbc.sql("UPDATE data_return SET compiled_at = ?, compiled_by = ?, row_count = 0 WHERE id = ?")
                .params(Timestamp.from(at), by, id).update();
    }

    /**
     * The cases' pseudonyms, giving every case without one a new one: a random token, kept so that a participant
     * is the same in every return.
     */
    Map<Long, String> pseudonyms(Collection<Long> caseIds, Instant at) {
        List<Long> ids = List.copyOf(caseIds);
        Map<Long, String> pseudonyms = new HashMap<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            jdbc.sql("SELECT case_id, pseudonym FROM return_participant WHERE case_id IN (:ids)")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK)))
                    .query(rs -> {
                        pseudonyms.put(rs.getLong("case_id"), rs.getString("pseudonym"));
                    });
        }
        List<Object[]> made = new ArrayList<>();
        for (Long id : ids) {
            if (!pseudonyms.containsKey(id)) {
                String pseudonym = "P" + UUID.randomUUID().toString().replace("-", "").substring(0, 20)
                        .toUpperCase(Locale.ROOT);
                pseudonyms.put(id, pseudonym);
                made.add(new Object[] {id, pseudonym, Timestamp.from(at)});
            }
        }
        batch.batchUpdate("INSERT INTO return_participant (case_id, pseudonym, created_at) VALUES (?, ?, ?)", made);
        return pseudonyms;
    }

    /** Writes the extract's rows, in one batch. */
    void insertRows(long returnId, List<ExtractRow> rows) {
        batch.batchUpdate("INSERT INTO data_return_row (return_id, " + ROW_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows, CHUNK, (ps, r) -> {
                    ps.setLong(1, returnId);
                    ps.setString(2, r.participantId());
                    ps.setString(3, r.cohort());
                    ps.setString(4, r.ageBand());
                    ps.setString(5, r.sex());
                    ps.setString(6, r.ethnicity());
                    ps.setString(7, r.disability());
                    ps.setString(8, r.employmentStatus());
                    ps.setObject(9, date(r.referredOn()), Types.DATE);
                    ps.setObject(10, date(r.engagedOn()), Types.DATE);
                    ps.setObject(11, date(r.actionPlanAgreedOn()), Types.DATE);
                    ps.setObject(12, date(r.jobStartOn()), Types.DATE);
                    ps.setObject(13, date(r.jobRetentionOn()), Types.DATE);
                    ps.setObject(14, date(r.exitedOn()), Types.DATE);
                    ps.setString(15, r.exitReason());
                });
    }

    /** The cases whose participants' rows the return holds (a collation's included). */
    List<Long> participantCases(long returnId) {
        return jdbc.sql("""
                SELECT p.case_id FROM data_return_row x JOIN return_participant p ON p.pseudonym = x.pseudonym
                WHERE x.return_id = ?""").param(returnId).query(Long.class).list();
    }

    /** Notes the contracts the return counted: what approving it locks. */
    void insertContracts(long returnId, List<Long> contractIds) {
        batch.batchUpdate("INSERT INTO data_return_contract (return_id, contract_id) VALUES (?, ?)",
                contractIds.stream().map(c -> new Object[] {returnId, c}).toList());
    }

    void finish(long returnId, int rows) {
        jdbc.sql("UPDATE data_return SET row_count = ? WHERE id = ?").params(rows, returnId).update();
    }

    void insertFigures(long returnId, List<ReturnFigure> figures) {
        List<Object[]> args = new ArrayList<>();
        for (int i = 0; i < figures.size(); i++) {
            ReturnFigure f = figures.get(i);
            args.add(new Object[] {returnId, i + 1, f.code(), f.name(), f.percent(), f.figure()});
        }
        batch.batchUpdate("""
                INSERT INTO data_return_figure (return_id, position, kpi_code, kpi_name, percent, figure)
                VALUES (?, ?, ?, ?, ?, ?)""", args);
    }

    void insertIssues(long returnId, List<ReturnIssue> issues) {
        List<Object[]> args = new ArrayList<>();
        for (int i = 0; i < issues.size(); i++) {
            String message = issues.get(i).message();
            args.add(new Object[] {returnId, i + 1, issues.get(i).severity().name(),
                    message.length() > 1000 ? message.substring(0, 997) + "..." : message});
        }
        batch.batchUpdate("""
                INSERT INTO data_return_issue (return_id, position, severity, message) VALUES (?, ?, ?, ?)""", args);
    }

    /** The stored figures, without the column each was checked against (validation has been done). */
    List<ReturnFigure> figures(long returnId) {
        return jdbc.sql("""
                SELECT kpi_code, kpi_name, percent, figure FROM data_return_figure WHERE return_id = ? ORDER BY position
                """).param(returnId).query((rs, n) -> new ReturnFigure(rs.getString("kpi_code"),
                rs.getString("kpi_name"), rs.getBoolean("percent"), rs.getBigDecimal("figure"), null)).list();
    }

    List<ReturnIssue> issues(long returnId) {
        return jdbc.sql("SELECT severity, message FROM data_return_issue WHERE return_id = ? ORDER BY position")
                .param(returnId).query((rs, n) -> new ReturnIssue(ReturnIssue.Severity.valueOf(rs.getString("severity")),
                        rs.getString("message"))).list();
    }

    /** The extract's rows in the order of referral, at most {@code limit} of them. */
    List<ExtractRow> rows(long returnId, int limit) {
        return jdbc.sql("SELECT " + ROW_COLUMNS + " FROM data_return_row WHERE return_id = ? "
                + "ORDER BY referred_on, pseudonym FETCH FIRST " + limit + " ROWS ONLY").param(returnId)
                .query(ReturnStore::row).list();
    }

    static ExtractRow row(ResultSet rs, int n) throws SQLException {
        return new ExtractRow(rs.getString("pseudonym"), rs.getString("cohort"), rs.getString("age_band"),
                rs.getString("sex"), rs.getString("ethnicity"), rs.getString("disability"),
                rs.getString("employment_status"), date(rs, "referred_on"), date(rs, "engaged_on"),
                date(rs, "action_plan_on"), date(rs, "job_start_on"), date(rs, "job_retention_on"),
                date(rs, "exited_on"), rs.getString("exit_reason"));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    private static Date date(LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }
}
