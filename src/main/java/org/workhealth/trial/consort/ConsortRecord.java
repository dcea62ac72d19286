package org.workhealth.trial.consort;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The trial tables the diagram counts, read a trial at a time (never a query per unit). */
@Repository
class ConsortRecord {

    record Unit(long allocationId, long unitId, String armCode, boolean inError) {
    }

    record FinalPoint(String status, LocalDate assessedOn) {
    }

    private final JdbcClient jdbc;

    ConsortRecord(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Exclusions by reason, leaving out any unit that was randomised after all (it is counted there). */
    Map<String, Integer> exclusions(long trialId) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT e.reason, COUNT(*) FROM trial_exclusion e WHERE e.trial_id = ? AND NOT EXISTS
                    (SELECT 1 FROM trial_allocation a WHERE a.trial_id = e.trial_id AND a.unit_id = e.unit_id)
                GROUP BY e.reason""").param(trialId)
                .query((rs, n) -> counts.put(rs.getString(1), rs.getInt(2))).list();
        return counts;
    }

    List<Unit> allocations(long trialId) {
        return jdbc.sql("SELECT id, unit_id, arm_code, in_error_at FROM trial_allocation WHERE trial_id = ?")
                .param(trialId).query((rs, n) -> new Unit(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getTimestamp(4) != null)).list();
    }

    /** Each allocation's point at {@code week} (the trial's last), by allocation id. */
    Map<Long, FinalPoint> finalPoints(long trialId, int week) {
        Map<Long, FinalPoint> points = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT f.allocation_id, f.status, f.assessed_on FROM trial_follow_up f
                JOIN trial_allocation a ON a.id = f.allocation_id WHERE a.trial_id = ? AND f.week = ?""")
                .params(trialId, week).query((rs, n) -> points.put(rs.getLong(1),
                        new FinalPoint(rs.getString(2), rs.getObject(3, LocalDate.class)))).list();
        return points;
    }
}
