package org.workhealth.trial;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.workhealth.trial.internal.Exclusion;
import org.workhealth.trial.internal.ExclusionReason;

/** The trial_exclusion table: one row per unit at most (uq_trial_exclusion_unit), only ever inserted. */
@Repository
class Exclusions {

    private final JdbcClient jdbc;

    Exclusions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Exclusion> of(long trialId, long unitId) {
        return jdbc.sql("SELECT * FROM trial_exclusion WHERE trial_id = ? AND unit_id = ?").params(trialId, unitId)
                .query(Exclusions::row).optional();
    }

    List<Exclusion> forTrial(long trialId) {
        return jdbc.sql("SELECT * FROM trial_exclusion WHERE trial_id = ? ORDER BY recorded_at, id").param(trialId)
                .query(Exclusions::row).list();
    }

    void insert(long trialId, String unitType, long unitId, long organisationId, ExclusionReason reason,
            String detail, long by, Instant at) {
        jdbc.sql("""
                INSERT INTO trial_exclusion (trial_id, unit_type, unit_id, unit_organisation_id, reason, detail,
                    recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(trialId, unitType, unitId, organisationId, reason.name(), detail, by, Timestamp.from(at))
                .update();
    }

    private static Exclusion row(ResultSet rs, int n) throws SQLException {
        return new Exclusion(rs.getLong("id"), rs.getLong("trial_id"), rs.getLong("unit_id"),
                ExclusionReason.valueOf(rs.getString("reason")), rs.getString("detail"), rs.getLong("recorded_by"),
                rs.getTimestamp("recorded_at").toInstant());
    }
}
