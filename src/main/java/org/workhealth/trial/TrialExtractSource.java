package org.workhealth.trial;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The trial module's part of an evaluation extract: each participant allocated in a trial, with arm, date, strata,
 * whether randomised in error, drop-out and the follow-up outcomes. A trial holds thousands of units, not millions,
 * so this comes back as a map by referral id in three set-based queries (not a query per unit).
 */
@Service
public class TrialExtractSource {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    public record FollowUp(int week, LocalDate dueOn, String status, LocalDate assessedOn, Boolean inPaidWork,
            LocalDate jobStartedOn, Integer hoursPerWeek, Integer wellbeingScore) {
    }

    /** @param strata "FACTOR=value;FACTOR=value" in factor order */
    public record Participant(long referralId, String armCode, LocalDate allocatedOn, String strata,
            boolean inError, LocalDate droppedOn, Map<Integer, FollowUp> followUps) {
    }

    private final JdbcClient jdbc;
    private final Trials trials;

    TrialExtractSource(JdbcClient jdbc, Trials trials) {
        this.jdbc = jdbc;
        this.trials = trials;
    }

    public Optional<Trial> trial(long trialId) {
        return trials.find(trialId);
    }

    /**
     * The trial's units by unit id, which for a trial of participants is the referral id (the trial's unit says
     * which; the allocation's own unit_type column is not relied on).
     */
    public Map<Long, Participant> participants(long trialId) {
        Map<Long, Long> referralOfAllocation = new HashMap<>();
        Map<Long, Object[]> base = new HashMap<>();
        jdbc.sql("""
                SELECT a.id, a.unit_id, a.arm_code, a.allocated_at, a.in_error_at, d.dropped_on
                FROM trial_allocation a LEFT JOIN trial_drop_out d ON d.allocation_id = a.id
                WHERE a.trial_id = ?""").param(trialId)
                .query((RowCallbackHandler) rs -> {
                    referralOfAllocation.put(rs.getLong("id"), rs.getLong("unit_id"));
                    base.put(rs.getLong("id"), new Object[] {rs.getString("arm_code"),
                            rs.getTimestamp("allocated_at").toInstant().atZone(LONDON).toLocalDate(),
                            rs.getTimestamp("in_error_at") != null, date(rs, "dropped_on")});
                });
        Map<Long, TreeMap<String, String>> strata = new HashMap<>();
        jdbc.sql("""
                SELECT v.allocation_id, v.factor_code, v.factor_value FROM trial_allocation_stratum_value v
                JOIN trial_allocation a ON a.id = v.allocation_id WHERE a.trial_id = ?""").param(trialId)
                .query((RowCallbackHandler) rs -> strata.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>())
                        .put(rs.getString(2), rs.getString(3)));
        Map<Long, Map<Integer, FollowUp>> followUps = new HashMap<>();
        jdbc.sql("""
                SELECT f.allocation_id, f.week, f.due_on, f.status, f.assessed_on, f.in_paid_work, f.job_started_on,
                       f.hours_per_week, f.wellbeing_score
                FROM trial_follow_up f JOIN trial_allocation a ON a.id = f.allocation_id WHERE a.trial_id = ?""")
                .param(trialId).query((RowCallbackHandler) rs -> followUps
                        .computeIfAbsent(rs.getLong("allocation_id"), k -> new TreeMap<>())
                        .put(rs.getInt("week"), new FollowUp(rs.getInt("week"), date(rs, "due_on"),
                                rs.getString("status"), date(rs, "assessed_on"), bool(rs, "in_paid_work"),
                                date(rs, "job_started_on"), integer(rs, "hours_per_week"),
                                integer(rs, "wellbeing_score"))));
        Map<Long, Participant> participants = new HashMap<>();
        base.forEach((allocation, b) -> {
            long referral = referralOfAllocation.get(allocation);
            List<String> parts = new ArrayList<>();
            strata.getOrDefault(allocation, new TreeMap<>()).forEach((k, v) -> parts.add(k + "=" + v));
            participants.put(referral, new Participant(referral, (String) b[0], (LocalDate) b[1], String.join(";", parts),
                    (Boolean) b[2], (LocalDate) b[3], followUps.getOrDefault(allocation, Map.of())));
        });
        return participants;
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static Boolean bool(ResultSet rs, String column) throws SQLException {
        boolean b = rs.getBoolean(column);
        return rs.wasNull() ? null : b;
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int i = rs.getInt(column);
        return rs.wasNull() ? null : i;
    }
}
