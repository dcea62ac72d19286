package org.workhealth.trial.followup;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Follow-up points with their allocation's arm and date: the trial module's own tables. */
@Repository
class FollowUpRepository {

    private static final String SELECT = """
            SELECT f.*, a.unit_id, a.arm_code, a.allocated_at, a.in_error_at
            FROM trial_follow_up f JOIN trial_allocation a ON a.id = f.allocation_id
            """;

    private final JdbcClient jdbc;

    FollowUpRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every point of the trial, soonest due first, in one query. */
    List<FollowUpPoint> points(long trialId) {
        return jdbc.sql(SELECT + " WHERE a.trial_id = ? ORDER BY f.due_on, a.id, f.week").param(trialId)
                .query(FollowUpRepository::row).list();
    }

    Optional<FollowUpPoint> point(long trialId, long allocationId, int week) {
        return jdbc.sql(SELECT + " WHERE a.trial_id = ? AND f.allocation_id = ? AND f.week = ?")
                .params(trialId, allocationId, week).query(FollowUpRepository::row).optional();
    }

    /** Locks the point's row for the transaction, so two people recording at once cannot both win. */
    void lock(long allocationId, int week) {
        jdbc.sql("SELECT week FROM trial_follow_up WHERE allocation_id = ? AND week = ? FOR UPDATE")
                .params(allocationId, week).query(Integer.class).optional();
    }

    void save(long allocationId, int week, Outcome o, long by, Instant at) {
        jdbc.sql("""
                UPDATE trial_follow_up SET status = ?, assessed_on = ?, in_paid_work = ?, job_started_on = ?,
                    hours_per_week = ?, wellbeing_score = ?, lost_reason = ?, recorded_at = ?, recorded_by = ?
                WHERE allocation_id = ? AND week = ?""")
                .params(o.lost() ? "LOST" : "RECORDED", o.assessedOn(), o.inPaidWork(), o.jobStartedOn(),
                        o.hoursPerWeek(), o.wellbeingScore(), o.lostReason(), Timestamp.from(at), by, allocationId,
                        week)
                .update();
    }

    private static FollowUpPoint row(ResultSet rs, int n) throws SQLException {
        Timestamp recorded = rs.getTimestamp("recorded_at");
        return new FollowUpPoint(rs.getLong("allocation_id"), rs.getLong("unit_id"), rs.getString("arm_code"),
                rs.getTimestamp("allocated_at").toInstant(), rs.getTimestamp("in_error_at") != null, rs.getInt("week"),
                rs.getObject("due_on", LocalDate.class), rs.getString("status"),
                rs.getObject("assessed_on", LocalDate.class), (Boolean) rs.getObject("in_paid_work"),
                rs.getObject("job_started_on", LocalDate.class), (Integer) rs.getObject("hours_per_week"),
                (Integer) rs.getObject("wellbeing_score"), rs.getString("lost_reason"),
                recorded == null ? null : recorded.toInstant());
    }
}
