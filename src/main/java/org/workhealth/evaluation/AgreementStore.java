package org.workhealth.evaluation;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Agreements in {@code evaluation_agreement}; rows are inserted and marked superseded, never otherwise changed. */
@Repository
class AgreementStore {

    private static final String COLUMNS = """
            id, series_id, version, owner_organisation_id, evaluator_organisation_id, title, purpose, legal_basis,
            programme_id, trial_id, fields, data_from, data_to, starts_on, ends_on, date_handling, shift_days,
            small_cell_threshold, key_encrypted, created_by, created_at, superseded_at""";

    private final JdbcClient jdbc;

    AgreementStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(AgreementTerms t, long ownerOrganisationId, Long seriesId, int version, String keyEncrypted,
            long by, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO evaluation_agreement (series_id, version, owner_organisation_id, "
                        + "evaluator_organisation_id, title, purpose, legal_basis, programme_id, trial_id, fields, "
                        + "data_from, data_to, starts_on, ends_on, date_handling, shift_days, small_cell_threshold, "
                        + "key_encrypted, created_by, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(seriesId, version, ownerOrganisationId, t.evaluatorOrganisationId(), t.title(), t.purpose(),
                        t.legalBasis().name(), t.programmeId(), t.trialId(),
                        String.join(",", t.fields().stream().map(Enum::name).toList()), Date.valueOf(t.dataFrom()),
                        Date.valueOf(t.dataTo()), Date.valueOf(t.startsOn()), Date.valueOf(t.endsOn()),
                        t.dateHandling().name(), t.shiftDays(), t.smallCellThreshold(), keyEncrypted, by,
                        Timestamp.from(at))
                .update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        if (seriesId == null) {
            jdbc.sql("UPDATE evaluation_agreement SET series_id = id WHERE id = ?").param(id).update();
        }
        return id;
    }

    /** Marks the version superseded; false when another change got there first. */
    boolean supersede(long id, Instant at) {
        return jdbc.sql("UPDATE evaluation_agreement SET superseded_at = ? WHERE id = ? AND superseded_at IS NULL")
                .params(Timestamp.from(at), id).update() == 1;
    }

    Optional<Agreement> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM evaluation_agreement WHERE id = ?").param(id)
                .query(AgreementStore::row).optional();
    }

    List<Agreement> forEvaluator(long evaluatorOrganisationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM evaluation_agreement WHERE evaluator_organisation_id = ? "
                + "AND superseded_at IS NULL ORDER BY ends_on DESC, id").param(evaluatorOrganisationId)
                .query(AgreementStore::row).list();
    }

    List<Agreement> ownedBy(Collection<Long> organisationIds) {
        if (organisationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM evaluation_agreement WHERE owner_organisation_id IN (:ids) "
                + "ORDER BY series_id, version").param("ids", new ArrayList<>(organisationIds))
                .query(AgreementStore::row).list();
    }

    List<Agreement> series(long seriesId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM evaluation_agreement WHERE series_id = ? ORDER BY version")
                .param(seriesId).query(AgreementStore::row).list();
    }

    private static Agreement row(ResultSet rs, int n) throws SQLException {
        long trial = rs.getLong("trial_id");
        Long trialId = rs.wasNull() ? null : trial;
        String fields = rs.getString("fields");
        List<ExtractField> allowed = fields.isBlank() ? List.of()
                : Arrays.stream(fields.split(",")).map(ExtractField::valueOf).sorted().toList();
        Timestamp superseded = rs.getTimestamp("superseded_at");
        return new Agreement(rs.getLong("id"), rs.getLong("series_id"), rs.getInt("version"),
                rs.getLong("owner_organisation_id"), rs.getLong("evaluator_organisation_id"), rs.getString("title"),
                rs.getString("purpose"), LegalBasis.valueOf(rs.getString("legal_basis")), rs.getLong("programme_id"),
                trialId, allowed, rs.getDate("data_from").toLocalDate(), rs.getDate("data_to").toLocalDate(),
                rs.getDate("starts_on").toLocalDate(), rs.getDate("ends_on").toLocalDate(),
                DateHandling.valueOf(rs.getString("date_handling")), rs.getInt("shift_days"),
                rs.getInt("small_cell_threshold"), rs.getString("key_encrypted"), rs.getLong("created_by"),
                rs.getTimestamp("created_at").toInstant(), superseded == null ? null : superseded.toInstant());
    }
}
