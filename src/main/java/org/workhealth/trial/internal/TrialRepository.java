package org.workhealth.trial.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.workhealth.organisation.Role;
import org.workhealth.trial.Arm;
import org.workhealth.trial.Trial;
import org.workhealth.trial.TrialUnit;

/** The trial tables, in plain SQL: arms are kept in order and allocations are only ever inserted. */
@Repository
public class TrialRepository {

    private final JdbcClient jdbc;

    TrialRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(TrialDesign d, long ownerOrganisationId) {
        jdbc.sql("""
                INSERT INTO trial (programme_id, owner_organisation_id, code, title, unit, method, factors,
                    block_multipliers, minimisation_probability, recruitment_starts, recruitment_ends,
                    recruitment_target, allocation_viewers, control_action, follow_up_weeks)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(d.programmeId(), ownerOrganisationId, d.code(), d.title(), d.unit().name(), d.method().name(),
                        codes(d.factors()), join(d.blockMultipliers()), d.minimisationProbability(),
                        d.recruitmentStarts(), d.recruitmentEnds(), d.recruitmentTarget(),
                        codes(d.allocationViewers()), d.controlAction(), join(d.followUpWeeks()))
                .update();
        long id = jdbc.sql("SELECT id FROM trial WHERE code = ?").param(d.code()).query(Long.class).single();
        insertArms(id, d.arms());
        return id;
    }

    public void update(long id, TrialDesign d) {
        jdbc.sql("""
                UPDATE trial SET title = ?, unit = ?, method = ?, factors = ?, block_multipliers = ?,
                    minimisation_probability = ?, recruitment_starts = ?, recruitment_ends = ?, recruitment_target = ?,
                    allocation_viewers = ?, control_action = ?, follow_up_weeks = ?, version = version + 1
                WHERE id = ? AND locked_at IS NULL""")
                .params(d.title(), d.unit().name(), d.method().name(), codes(d.factors()),
                        join(d.blockMultipliers()), d.minimisationProbability(), d.recruitmentStarts(),
                        d.recruitmentEnds(), d.recruitmentTarget(), codes(d.allocationViewers()), d.controlAction(),
                        join(d.followUpWeeks()), id)
                .update();
        jdbc.sql("DELETE FROM trial_arm WHERE trial_id = ?").param(id).update();
        insertArms(id, d.arms());
    }

    private void insertArms(long trialId, List<Arm> arms) {
        for (int i = 0; i < arms.size(); i++) {
            Arm arm = arms.get(i);
            jdbc.sql("INSERT INTO trial_arm (trial_id, position, code, name, weight, control) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(trialId, i, arm.code(), arm.name(), arm.weight(), arm.control()).update();
        }
    }

    public boolean codeInUse(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM trial WHERE code = ?").param(code).query(Long.class).single() > 0;
    }

    public Optional<Trial> find(long id) {
        return jdbc.sql("SELECT * FROM trial WHERE id = ?").param(id).query((org.springframework.jdbc.core.RowMapper<Trial>) this::trial).optional();
    }

    /** Locks the trial's row until the transaction ends: randomisations in a trial are made one at a time. */
    public Optional<Trial> findForUpdate(long id) {
        return jdbc.sql("SELECT * FROM trial WHERE id = ? FOR UPDATE").param(id).query((org.springframework.jdbc.core.RowMapper<Trial>) this::trial).optional();
    }

    public List<Trial> forProgramme(long programmeId) {
        return jdbc.sql("SELECT * FROM trial WHERE programme_id = ? ORDER BY title").param(programmeId)
                .query((org.springframework.jdbc.core.RowMapper<Trial>) this::trial).list();
    }

    public List<Trial> all() {
        return jdbc.sql("SELECT * FROM trial ORDER BY title").query((org.springframework.jdbc.core.RowMapper<Trial>) this::trial).list();
    }

    public Optional<String> encryptedSeed(long trialId) {
        return jdbc.sql("SELECT seed_encrypted FROM trial WHERE id = ?").param(trialId).query(String.class)
                .optional();
    }

    public void lock(long trialId, String encryptedSeed, Instant at) {
        jdbc.sql("UPDATE trial SET locked_at = ?, seed_encrypted = ? WHERE id = ? AND locked_at IS NULL")
                .params(Timestamp.from(at), encryptedSeed, trialId).update();
    }

    /** @return whether this was the first (and so the only) export */
    public boolean markSeedExported(long trialId, long by, Instant at) {
        return jdbc.sql("UPDATE trial SET seed_exported_at = ?, seed_exported_by = ? "
                        + "WHERE id = ? AND seed_exported_at IS NULL AND locked_at IS NOT NULL")
                .params(Timestamp.from(at), by, trialId).update() == 1;
    }

    public Optional<Allocation> allocationOf(long trialId, long unitId) {
        return jdbc.sql("SELECT * FROM trial_allocation WHERE trial_id = ? AND unit_id = ?").params(trialId, unitId)
                .query((org.springframework.jdbc.core.RowMapper<Allocation>) this::allocation).optional();
    }

    public Optional<Allocation> allocation(long id) {
        return jdbc.sql("SELECT * FROM trial_allocation WHERE id = ?").param(id).query((org.springframework.jdbc.core.RowMapper<Allocation>) this::allocation).optional();
    }

    public List<Allocation> allocations(long trialId) {
        return jdbc.sql("SELECT * FROM trial_allocation WHERE trial_id = ? ORDER BY allocated_at, id")
                .param(trialId).query((org.springframework.jdbc.core.RowMapper<Allocation>) this::allocation).list();
    }

    public int nextPosition(long trialId, String stratumKey) {
        Optional<Integer> next = jdbc.sql("SELECT next_position FROM trial_stratum WHERE trial_id = ? AND stratum_key = ?")
                .params(trialId, stratumKey).query(Integer.class).optional();
        if (next.isEmpty()) {
            jdbc.sql("INSERT INTO trial_stratum (trial_id, stratum_key, next_position) VALUES (?, ?, 0)")
                    .params(trialId, stratumKey).update();
            return 0;
        }
        return next.get();
    }

    public void advance(long trialId, String stratumKey, int from) {
        int updated = jdbc.sql("UPDATE trial_stratum SET next_position = next_position + 1 "
                        + "WHERE trial_id = ? AND stratum_key = ? AND next_position = ?")
                .params(trialId, stratumKey, from).update();
        if (updated != 1) {
            throw new IllegalStateException("The stratum's position moved during a randomisation");
        }
    }

    public long insertAllocation(long trialId, UnitFacts unit, String stratumKey, int position, String arm, long by,
            Instant at, String controlAction) {
        jdbc.sql("""
                INSERT INTO trial_allocation (trial_id, unit_type, unit_id, unit_organisation_id, stratum_key, position,
                    arm_code, allocated_by, allocated_at, control_action)
                VALUES (?, (SELECT unit FROM trial WHERE id = ?), ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(trialId, trialId, unit.unitId(), unit.organisationId(), stratumKey, position, arm, by,
                        Timestamp.from(at), controlAction)
                .update();
        long id = jdbc.sql("SELECT id FROM trial_allocation WHERE trial_id = ? AND unit_id = ?")
                .params(trialId, unit.unitId()).query(Long.class).single();
        unit.values().forEach((factor, value) -> jdbc.sql(
                        "INSERT INTO trial_allocation_stratum_value (allocation_id, factor_code, factor_value) VALUES (?, ?, ?)")
                .params(id, factor.name(), value).update());
        return id;
    }

    public void insertFollowUp(long allocationId, int week, java.time.LocalDate due) {
        jdbc.sql("INSERT INTO trial_follow_up (allocation_id, week, due_on) VALUES (?, ?, ?)")
                .params(allocationId, week, due).update();
    }

    /** @return whether it was marked now (false when it already was) */
    public boolean markInError(long allocationId, long by, Instant at, String reason) {
        return jdbc.sql("UPDATE trial_allocation SET in_error_at = ?, in_error_by = ?, in_error_reason = ? "
                        + "WHERE id = ? AND in_error_at IS NULL")
                .params(Timestamp.from(at), by, reason, allocationId).update() == 1;
    }

    /** For minimisation: factor → level → arm → count, over every allocation in the trial. */
    public Map<String, Map<String, Map<String, Integer>>> marginalCounts(long trialId) {
        Map<String, Map<String, Map<String, Integer>>> counts = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT v.factor_code, v.factor_value, a.arm_code, COUNT(*) AS n
                FROM trial_allocation a JOIN trial_allocation_stratum_value v ON v.allocation_id = a.id
                WHERE a.trial_id = ? GROUP BY v.factor_code, v.factor_value, a.arm_code""")
                .param(trialId).query((rs, i) -> counts.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                        .computeIfAbsent(rs.getString(2), k -> new LinkedHashMap<>())
                        .put(rs.getString(3), rs.getInt(4)))
                .list();
        return counts;
    }

    private Trial trial(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        List<Arm> arms = jdbc.sql("SELECT * FROM trial_arm WHERE trial_id = ? ORDER BY position").param(id)
                .query((a, i) -> new Arm(a.getString("code"), a.getString("name"), a.getInt("weight"),
                        a.getBoolean("control")))
                .list();
        Set<Role> viewers = EnumSet.noneOf(Role.class);
        split(rs.getString("allocation_viewers")).forEach(r -> viewers.add(Role.valueOf(r)));
        Timestamp locked = rs.getTimestamp("locked_at");
        Timestamp exported = rs.getTimestamp("seed_exported_at");
        return new Trial(id, rs.getLong("programme_id"), rs.getLong("owner_organisation_id"), rs.getString("code"),
                rs.getString("title"), TrialUnit.valueOf(rs.getString("unit")),
                AllocationMethod.valueOf(rs.getString("method")), arms,
                split(rs.getString("factors")).stream().map(StratificationFactor::valueOf).toList(),
                split(rs.getString("block_multipliers")).stream().map(Integer::valueOf).toList(),
                rs.getDouble("minimisation_probability"), rs.getObject("recruitment_starts", java.time.LocalDate.class),
                rs.getObject("recruitment_ends", java.time.LocalDate.class), rs.getInt("recruitment_target"), viewers,
                rs.getString("control_action"),
                split(rs.getString("follow_up_weeks")).stream().map(Integer::valueOf).toList(),
                locked == null ? null : locked.toInstant(), exported == null ? null : exported.toInstant());
    }

    private Allocation allocation(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        Map<String, String> strata = new LinkedHashMap<>();
        jdbc.sql("SELECT factor_code, factor_value FROM trial_allocation_stratum_value WHERE allocation_id = ? "
                        + "ORDER BY factor_code").param(id)
                .query((v, i) -> strata.put(v.getString(1), v.getString(2))).list();
        Timestamp error = rs.getTimestamp("in_error_at");
        return new Allocation(id, rs.getLong("trial_id"), rs.getLong("unit_id"), rs.getString("stratum_key"),
                rs.getInt("position"), rs.getString("arm_code"), rs.getLong("allocated_by"),
                rs.getTimestamp("allocated_at").toInstant(), rs.getString("control_action"), strata,
                error == null ? null : error.toInstant(), rs.getString("in_error_reason"));
    }

    private static String codes(java.util.Collection<? extends Enum<?>> values) {
        return String.join(",", values.stream().map(Enum::name).toList());
    }

    private static String join(List<Integer> values) {
        return String.join(",", values.stream().map(String::valueOf).toList());
    }

    private static List<String> split(String value) {
        return value == null || value.isBlank() ? List.of() : Arrays.asList(value.split(","));
    }
}
