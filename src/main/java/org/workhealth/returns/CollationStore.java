package org.workhealth.returns;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.workhealth.calendar.Quarter;

/**
 * Collated returns in the database: the hub's return made from its localities' approved returns, their rows copied
 * in one statement with the locality each came from, and their count figures added up in another.
 */
@Repository
class CollationStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    CollationStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /**
     * The collation to write into: the hub's unsent collation emptied of what it held, or a new version after the
     * last one sent.
     */
    long draft(long hubId, long programmeId, Quarter quarter, Instant at, long by) {
        Optional<Long> existing = jdbc.sql("""
                SELECT id FROM data_return WHERE organisation_id = ? AND programme_id = ? AND financial_year = ?
                AND quarter = ? AND collated = TRUE AND status = ? FOR UPDATE""")
                .params(hubId, programmeId, quarter.financialYear().startYear(), quarter.number(),
                        ReturnStatus.DRAFT.name()).query(Long.class).optional();
        if (existing.isPresent()) {
            ReturnStore.emptyDraft(jdbc, existing.get(), at, by, "data_return_part");
            return existing.get();
        }
        int version = jdbc.sql("""
                SELECT COALESCE(MAX(version), 0) FROM data_return WHERE organisation_id = ? AND programme_id = ?
                AND financial_year = ? AND quarter = ? AND collated = TRUE""")
                .params(hubId, programmeId, quarter.financialYear().startYear(), quarter.number())
                .query(Integer.class).single() + 1;
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO data_return (organisation_id, programme_id, financial_year, quarter, version, status,
                                         compiled_at, compiled_by, row_count, collated)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, TRUE)""").params(hubId, programmeId,
                quarter.financialYear().startYear(), quarter.number(), version, ReturnStatus.DRAFT.name(),
                Timestamp.from(at), by)
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    void insertParts(long id, List<Long> partIds) {
        batch.batchUpdate("INSERT INTO data_return_part (return_id, part_id) VALUES (?, ?)",
                partIds.stream().map(p -> new Object[] {id, p}).toList());
    }

    /**
     * Copies the parts' rows, each with its locality's name.
     *
     * @param localities each part's id with the name of the locality that made it
     */
    int copyRows(long id, Map<Long, String> localities) {
        String columns = ReturnStore.ROW_COLUMNS;
        String source = columns.replaceAll("(\\w+)", "x.$1");
        int copied = 0;
        for (Map.Entry<Long, String> part : localities.entrySet()) {
            copied += jdbc.sql("INSERT INTO data_return_row (return_id, " + columns + ", locality) SELECT :id, "
                    + source + ", :locality FROM data_return_row x WHERE x.return_id = :part")
                    .param("id", id).param("locality", part.getValue()).param("part", part.getKey()).update();
        }
        return copied;
    }

    /** The parts' figures added up, KPI by KPI in the template's order; percentages are not added up. */
    List<ReturnFigure> summed(List<Long> partIds) {
        return jdbc.sql("""
                SELECT kpi_code, MIN(kpi_name) AS kpi_name, SUM(figure) AS figure, MIN(position) AS position
                FROM data_return_figure WHERE return_id IN (:parts) AND percent = FALSE
                GROUP BY kpi_code ORDER BY MIN(position)""").param("parts", partIds)
                .query((rs, n) -> new ReturnFigure(rs.getString("kpi_code"), rs.getString("kpi_name"), false,
                        rs.getBigDecimal("figure"), null)).list();
    }

    /** A page of the collated rows, in the same order as {@link #rows(long, int)}. */
    List<CollatedRow> rows(long id, int offset, int limit) {
        return jdbc.sql("SELECT locality, " + ReturnStore.ROW_COLUMNS + " FROM data_return_row WHERE return_id = ? "
                + "ORDER BY locality, referred_on, pseudonym OFFSET " + offset + " ROWS FETCH NEXT " + limit
                + " ROWS ONLY").param(id)
                .query((rs, n) -> new CollatedRow(rs.getString("locality"), ReturnStore.row(rs, n))).list();
    }

    /** The collated rows with their locality, in order of locality and referral, at most {@code limit}. */
    List<CollatedRow> rows(long id, int limit) {
        return jdbc.sql("SELECT locality, " + ReturnStore.ROW_COLUMNS + " FROM data_return_row WHERE return_id = ? "
                + "ORDER BY locality, referred_on, pseudonym FETCH FIRST " + limit + " ROWS ONLY").param(id)
                .query((rs, n) -> new CollatedRow(rs.getString("locality"), ReturnStore.row(rs, n))).list();
    }
}
