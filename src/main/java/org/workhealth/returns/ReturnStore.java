package org.workhealth.returns;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.workhealth.calendar.Quarter;

/**
 * Compiled returns in the database. Compiling is set-based: the participants' pseudonyms and the extract's rows
 * are each made by one {@code INSERT ... SELECT} over the milestone record's first-per-case projection
 * ({@code milestone_first}), the case, its referral and its cohort, whatever the number of participants. The
 * extract is read from those tables directly, read only, because a row per participant has to be made in the
 * database to stay fast; no other module's data is changed.
 */
@Repository
class ReturnStore {

    private static final String RETURN_COLUMNS = """
            d.id, d.organisation_id, d.programme_id, d.financial_year, d.quarter, d.version, d.status, d.compiled_at,
            p.full_name, d.row_count, d.collated, d.submitted_at, d.lock_id""";

    static final String ROW_COLUMNS = """
            pseudonym, cohort, age_band, sex, ethnicity, disability, employment_status, referred_on, engaged_on,
            action_plan_on, job_start_on, job_retention_on, exited_on, exit_reason""";

    /** The latest version of the same organisation's return (or collation) of the programme and quarter. */
    static final String LATEST = """
            (SELECT MAX(v.version) FROM data_return v WHERE v.organisation_id = d.organisation_id
             AND v.programme_id = d.programme_id AND v.financial_year = d.financial_year AND v.quarter = d.quarter
             AND v.collated = d.collated""";

    /** The cases with a current milestone under the contracts by the day: the return's participants. */
    private static final String PARTICIPANTS = """
            SELECT DISTINCT g.case_id FROM milestone_first g
            WHERE g.contract_id IN (:contracts) AND g.occurred_on <= :upTo""";

    /** Age in whole years on the day received, as {@code ReferralEquality} works it out, banded as it bands it. */
    private static final String AGE = """
            (EXTRACT(YEAR FROM r.received_at) - EXTRACT(YEAR FROM r.date_of_birth)
             - CASE WHEN EXTRACT(MONTH FROM r.received_at) * 100 + EXTRACT(DAY FROM r.received_at)
                         < EXTRACT(MONTH FROM r.date_of_birth) * 100 + EXTRACT(DAY FROM r.date_of_birth)
                    THEN 1 ELSE 0 END)""";
    private static final String AGE_BAND = """
            CASE WHEN r.date_of_birth IS NULL THEN NULL WHEN %1$s < 16 THEN 'Under 16' WHEN %1$s < 25 THEN '16 to 24'
                 WHEN %1$s < 35 THEN '25 to 34' WHEN %1$s < 50 THEN '35 to 49' WHEN %1$s < 65 THEN '50 to 64'
                 ELSE '65 and over' END""".formatted(AGE);

    /** The exit milestone's {@code reason} attribute, from {@code key=value;key=value}. */
    private static final String EXIT_REASON;

    static {
        String x = "(';' || d.exit_attributes || ';')";
        String at = "POSITION(';reason=' IN " + x + ")";
        EXIT_REASON = "CASE WHEN " + at + " > 0 THEN SUBSTRING(" + x + " FROM " + at + " + 8 FOR POSITION(';' IN "
                + "SUBSTRING(" + x + " FROM " + at + " + 8)) - 1) END";
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    ReturnStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    Optional<DataReturn> find(long organisationId, long programmeId, Quarter quarter) {
        return jdbc.sql("SELECT " + RETURN_COLUMNS + " FROM data_return d JOIN person p ON p.id = d.compiled_by "
                + "WHERE d.organisation_id = ? AND d.programme_id = ? AND d.financial_year = ? AND d.quarter = ? "
                + "AND d.collated = FALSE ORDER BY d.version DESC FETCH FIRST 1 ROWS ONLY")
                .params(organisationId, programmeId, quarter.financialYear().startYear(), quarter.number())
                .query(ReturnStore::dataReturn).optional();
    }

    /** The organisation's latest return of each programme and quarter, for these programmes. */
    List<DataReturn> forOrganisation(long organisationId, List<Long> programmeIds) {
        if (programmeIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + RETURN_COLUMNS + " FROM data_return d JOIN person p ON p.id = d.compiled_by "
                + "WHERE d.organisation_id = :organisation AND d.programme_id IN (:programmes) "
                + "AND d.collated = FALSE AND d.version = " + LATEST + ")").param("organisation", organisationId)
                .param("programmes", programmeIds).query(ReturnStore::dataReturn).list();
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
                AND quarter = ? AND status = 'DRAFT' FOR UPDATE""")
                .params(organisationId, programmeId, quarter.financialYear().startYear(), quarter.number())
                .query(Long.class).optional();
        if (existing.isPresent()) {
            long id = existing.get();
            jdbc.sql("DELETE FROM data_return_issue WHERE return_id = ?").param(id).update();
            jdbc.sql("DELETE FROM data_return_figure WHERE return_id = ?").param(id).update();
            jdbc.sql("DELETE FROM data_return_row WHERE return_id = ?").param(id).update();
            jdbc.sql("DELETE FROM data_return_contract WHERE return_id = ?").param(id).update();
            jdbc.sql("UPDATE data_return SET compiled_at = ?, compiled_by = ?, row_count = 0 WHERE id = ?")
                    .params(Timestamp.from(at), by, id).update();
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
                VALUES (?, ?, ?, ?, ?, 'DRAFT', ?, ?, 0)""").params(organisationId, programmeId,
                quarter.financialYear().startYear(), quarter.number(), version, Timestamp.from(at), by)
                .update(key, "id");
        return Optional.of(key.getKeyAs(Number.class).longValue());
    }

    /** Gives every participant without one a pseudonym: a random token, in one statement. */
    int makePseudonyms(List<Long> contractIds, LocalDate upTo, Instant at) {
        return jdbc.sql("""
                INSERT INTO return_participant (case_id, pseudonym, created_at)
                SELECT x.case_id, 'P' || UPPER(SUBSTRING(REPLACE(CAST(gen_random_uuid() AS VARCHAR(36)), '-', '')
                                             FROM 1 FOR 20)), :at
                FROM (""" + PARTICIPANTS + """
                ) x WHERE NOT EXISTS (SELECT 1 FROM return_participant e WHERE e.case_id = x.case_id)""")
                .param("contracts", contractIds).param("upTo", Date.valueOf(upTo)).param("at", Timestamp.from(at))
                .update();
    }

    /** Writes the extract: a row per participant, in one statement. */
    int insertRows(long returnId, List<Long> contractIds, LocalDate upTo) {
        return jdbc.sql("INSERT INTO data_return_row (return_id, " + ROW_COLUMNS + ") SELECT :returnId, rp.pseudonym, "
                + "co.code, " + AGE_BAND + ", r.sex, r.ethnicity, r.disability, sc.employment_status_at_referral, "
                + "CAST(r.received_at AS DATE), d.engaged_on, d.action_plan_on, d.job_start_on, d.job_retention_on, "
                + "d.exited_on, " + EXIT_REASON + " " + """
                 FROM (SELECT f.case_id,
                              MAX(CASE WHEN f.type = 'ENGAGEMENT' THEN f.occurred_on END) AS engaged_on,
                              MAX(CASE WHEN f.type = 'ACTION_PLAN_AGREED' THEN f.occurred_on END) AS action_plan_on,
                              MAX(CASE WHEN f.type = 'JOB_START' THEN f.occurred_on END) AS job_start_on,
                              MAX(CASE WHEN f.type = 'JOB_RETENTION' THEN f.occurred_on END) AS job_retention_on,
                              MAX(CASE WHEN f.type = 'EXIT' THEN f.occurred_on END) AS exited_on,
                              MAX(CASE WHEN f.type = 'EXIT' THEN f.attributes END) AS exit_attributes
                       FROM milestone_first f
                       WHERE f.occurred_on <= :upTo AND f.case_id IN (""" + PARTICIPANTS + """
                )
                       GROUP BY f.case_id) d
                JOIN support_case sc ON sc.id = d.case_id
                JOIN referral r ON r.id = sc.referral_id
                JOIN return_participant rp ON rp.case_id = d.case_id
                LEFT JOIN cohort co ON co.id = sc.cohort_id""")
                .param("returnId", returnId).param("contracts", contractIds).param("upTo", Date.valueOf(upTo))
                .update();
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

    /**
     * The participants' first and last names, for the personal data scan only: they never leave this class's
     * caller, which looks for them in the extract.
     */
    List<String[]> participantNames(long returnId) {
        return jdbc.sql("""
                SELECT r.first_name, r.last_name FROM data_return_row x
                JOIN return_participant p ON p.pseudonym = x.pseudonym
                JOIN support_case sc ON sc.id = p.case_id
                JOIN referral r ON r.id = sc.referral_id
                WHERE x.return_id = ?""").param(returnId)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
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

    static DataReturn dataReturn(ResultSet rs, int n) throws SQLException {
        return new DataReturn(rs.getLong("id"), rs.getLong("organisation_id"), rs.getLong("programme_id"),
                Quarter.of(rs.getInt("financial_year"), rs.getInt("quarter")), rs.getInt("version"),
                rs.getString("status"), rs.getTimestamp("compiled_at").toInstant(), rs.getString("full_name"),
                rs.getInt("row_count"), rs.getBoolean("collated"), instant(rs.getTimestamp("submitted_at")),
                (Long) rs.getObject("lock_id", Long.class));
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
