package org.workhealth.milestone.internal;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.workhealth.milestone.MilestoneType;
import org.workhealth.milestone.NewMilestone;

/**
 * Inserts milestones with their attribute rows, and keeps {@code milestone_first} (the day counts' changes it
 * gathers are applied by the caller). Only inserts: the record is append-only.
 */
@Component
public class MilestoneWriter {

    private static final String INSERT = """
            INSERT INTO milestone (type, case_id, referral_id, programme_id, contract_id, organisation_id,
                                   occurred_on, recorded_at, recorded_by, supersedes_id, withdrawn, correction_reason)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final AttributeRows attributes;
    private final Clock clock;

    MilestoneWriter(JdbcClient jdbc, JdbcTemplate batch, AttributeRows attributes, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.attributes = attributes;
        this.clock = clock;
    }

    /** Inserts one milestone, the correction or withdrawal of {@code supersedesId} when given; returns its id. */
    public long insert(NewMilestone m, Long supersedesId, boolean withdrawn, String reason) {
        KeyHolder key = new GeneratedKeyHolder();
        Timestamp now = Timestamp.from(clock.instant());
        batch.update(connection -> {
            PreparedStatement ps = connection.prepareStatement(INSERT, new String[] {"id"});
            set(ps, m, now, supersedesId, withdrawn, reason);
            return ps;
        }, key);
        long id = key.getKeyAs(Long.class);
        attributes.write(Map.of(id, m.attributes()));
        return id;
    }

    /** Inserts milestones without a case in batches of 1,000, each batch and its attribute rows in two statements. */
    public void insertAll(List<NewMilestone> milestones) {
        Timestamp now = Timestamp.from(clock.instant());
        for (int from = 0; from < milestones.size(); from += 1000) {
            List<NewMilestone> chunk = milestones.subList(from, Math.min(milestones.size(), from + 1000));
            KeyHolder keys = new GeneratedKeyHolder();
            batch.batchUpdate(connection -> connection.prepareStatement(INSERT, new String[] {"id"}),
                    new BatchPreparedStatementSetter() {
                        @Override
                        public void setValues(PreparedStatement ps, int i) throws SQLException {
                            set(ps, chunk.get(i), now, null, false, null);
                        }

                        @Override
                        public int getBatchSize() {
                            return chunk.size();
                        }
                    }, keys);
            Map<Long, Map<String, String>> rows = new LinkedHashMap<>();
            List<Map<String, Object>> ids = keys.getKeyList();
            for (int i = 0; i < chunk.size(); i++) {
                rows.put(((Number) ids.get(i).get(ids.get(i).containsKey("id") ? "id" : "ID")).longValue(),
                        chunk.get(i).attributes());
            }
            attributes.write(rows);
        }
    }

    /**
     * Keeps {@code milestone_first} true for one case and type after a milestone of theirs is recorded or
     * corrected: the earliest current one, or none; a change of first goes into {@code changes} for the day counts.
     * Two people recording the first milestone of a case at the same moment both insert its row; the primary key
     * lets one through and the other's transaction fails whole, so the projection never disagrees with the record.
     */
    public void refreshFirst(Long caseId, MilestoneType type, DayCounts.Changes changes) {
        if (caseId == null) {
            return;
        }
        Optional<First> before = jdbc.sql("SELECT milestone_id, contract_id, occurred_on FROM milestone_first "
                + "WHERE case_id = ? AND type = ?").params(caseId, type.name()).query(MilestoneWriter::first)
                .optional();
        Optional<First> after = jdbc.sql("SELECT m.id AS milestone_id, m.contract_id, m.occurred_on FROM milestone m "
                + "WHERE m.case_id = ? AND m.type = ? AND " + Current.NOT_SUPERSEDED
                + " ORDER BY m.occurred_on, m.id FETCH FIRST 1 ROWS ONLY").params(caseId, type.name())
                .query(MilestoneWriter::first).optional();
        if (before.map(First::milestoneId).equals(after.map(First::milestoneId))) {
            return;
        }
        jdbc.sql("DELETE FROM milestone_first WHERE case_id = ? AND type = ?").params(caseId, type.name()).update();
        before.ifPresent(f -> changes.first(f.contractId(), type, f.occurredOn(), -1));
        after.ifPresent(f -> {
            jdbc.sql("""
                    INSERT INTO milestone_first (case_id, type, milestone_id, contract_id, organisation_id, occurred_on)
                    SELECT m.case_id, m.type, m.id, m.contract_id, m.organisation_id, m.occurred_on
                    FROM milestone m WHERE m.id = ?""").param(f.milestoneId()).update();
            changes.first(f.contractId(), type, f.occurredOn(), 1);
        });
    }

    private record First(long milestoneId, Long contractId, LocalDate occurredOn) {
    }

    private static First first(ResultSet rs, int row) throws SQLException {
        return new First(rs.getLong("milestone_id"), MilestoneCounts.nullableLong(rs, "contract_id"),
                rs.getDate("occurred_on").toLocalDate());
    }

    private static void set(PreparedStatement ps, NewMilestone m, Timestamp now, Long supersedesId,
            boolean withdrawn, String reason) throws SQLException {
        MilestoneAttributes.check(m.attributes());
        ps.setString(1, m.type().name());
        ps.setObject(2, m.caseId(), Types.BIGINT);
        ps.setObject(3, m.referralId(), Types.BIGINT);
        ps.setLong(4, m.programmeId());
        ps.setObject(5, m.contractId(), Types.BIGINT);
        ps.setLong(6, m.organisationId());
        ps.setDate(7, Date.valueOf(m.occurredOn()));
        ps.setTimestamp(8, now);
        ps.setObject(9, m.recordedBy(), Types.BIGINT);
        ps.setObject(10, supersedesId, Types.BIGINT);
        ps.setBoolean(11, withdrawn);
        ps.setString(12, reason);
    }
}
