package org.workhealth.evaluation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Every extract made under an agreement, with its row count and checksum, and every reproduction of one. */
@Repository
class ExtractLog {

    enum Kind {
        PARTICIPANTS, AGGREGATE
    }

    record Entry(long id, long agreementId, int agreementVersion, Kind kind, long madeBy, Instant madeAt, String parameters, long rowCount, String sha256, Long reproducesId, Boolean matched) {
    }

    private static final String COLUMNS = """
            e.id, e.agreement_id, e.agreement_version, e.kind, e.made_by, e.made_at, e.parameters,
            e.row_count, e.sha256, e.reproduces_id, e.matched""";

    private final JdbcClient jdbc;

    ExtractLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long record(Agreement agreement, Kind kind, long by, Instant at, String parameters, ExtractResult result,
            Long reproducesId, Boolean matched) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO evaluation_extract (agreement_id, agreement_version, kind, made_by, made_at, parameters, "
                        + "row_count, sha256, reproduces_id, matched) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(agreement.id(), agreement.version(), kind.name(), by, Timestamp.from(at), parameters,
                        result.rows(), result.sha256(), reproducesId, matched)
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    /** Every version's extracts of the agreement's series, newest first. */
    List<Entry> ofSeries(List<Long> agreementIds) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM evaluation_extract e WHERE e.agreement_id IN (:ids) "
                        + "ORDER BY e.made_at DESC, e.id DESC").param("ids", agreementIds).query(ExtractLog::row).list();
    }

    List<Entry> of(long agreementId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM evaluation_extract e WHERE e.agreement_id = ? ORDER BY e.made_at DESC, e.id DESC")
                .param(agreementId).query(ExtractLog::row).list();
    }

    Optional<Entry> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM evaluation_extract e WHERE e.id = ?").param(id).query(ExtractLog::row).optional();
    }

    private static Entry row(ResultSet rs, int n) throws SQLException {
        long reproduces = rs.getLong("reproduces_id");
        Long reproducesId = rs.wasNull() ? null : reproduces;
        boolean matched = rs.getBoolean("matched");
        Boolean m = rs.wasNull() ? null : matched;
        return new Entry(rs.getLong("id"), rs.getLong("agreement_id"), rs.getInt("agreement_version"),
                Kind.valueOf(rs.getString("kind")), rs.getLong("made_by"),
                rs.getTimestamp("made_at").toInstant(), rs.getString("parameters"), rs.getLong("row_count"),
                rs.getString("sha256"), reproducesId, m);
    }
}
