package org.workhealth.retention;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The reports of erasure runs, in {@code retention_run} and {@code retention_run_count}. */
@Repository
class RetentionRuns {

    static final int PAGE = 50;

    private final JdbcClient jdbc;

    RetentionRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long start(RetentionRun.Trigger trigger, Instant at, Long personId, Long organisationId, String reference,
            String reason) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO retention_run (run_trigger, started_at, started_by, organisation_id, subject_reference,
                                           reason)
                VALUES (?, ?, ?, ?, ?, ?)
                """).params(trigger.name(), Timestamp.from(at), personId, organisationId, reference, reason)
                .update(key, "id");
        return key.getKeyAs(Long.class);
    }

    void count(long runId, RetentionKind kind, Instant cutoff, RetentionStep.Erased erased) {
        jdbc.sql("INSERT INTO retention_run_count (run_id, kind, cutoff, erased, held_back) VALUES (?, ?, ?, ?, ?)")
                .params(runId, kind.name(), cutoff == null ? null : Timestamp.from(cutoff), erased.erased(),
                        erased.heldBack()).update();
    }

    void finish(long runId, Instant at) {
        jdbc.sql("UPDATE retention_run SET finished_at = ? WHERE id = ?").params(Timestamp.from(at), runId).update();
    }

    /** The latest runs, newest first, with their counts read in one more query. */
    List<RetentionRun> latest() {
        List<RetentionRun> runs = jdbc.sql(SELECT + " ORDER BY r.started_at DESC, r.id DESC LIMIT " + PAGE)
                .query((rs, row) -> map(rs)).list();
        if (runs.isEmpty()) {
            return runs;
        }
        Map<Long, List<RetentionRun.Count>> counts = counts(runs.stream().map(RetentionRun::id).toList());
        return runs.stream().map(r -> withCounts(r, counts)).toList();
    }

    Optional<RetentionRun> find(long id) {
        return jdbc.sql(SELECT + " WHERE r.id = ?").param(id).query((rs, row) -> map(rs)).optional()
                .map(r -> withCounts(r, counts(List.of(id))));
    }

    private static final String SELECT = """
            SELECT r.id, r.run_trigger, r.started_at, r.finished_at, p.full_name, r.organisation_id,
                   r.subject_reference, r.reason
            FROM retention_run r LEFT JOIN person p ON p.id = r.started_by
            """;

    private Map<Long, List<RetentionRun.Count>> counts(List<Long> runIds) {
        Map<Long, List<RetentionRun.Count>> counts = new HashMap<>();
        jdbc.sql("SELECT run_id, kind, cutoff, erased, held_back FROM retention_run_count WHERE run_id IN (:ids)")
                .param("ids", runIds).query(rs -> {
                    counts.computeIfAbsent(rs.getLong("run_id"), id -> new java.util.ArrayList<>())
                            .add(new RetentionRun.Count(RetentionKind.valueOf(rs.getString("kind")),
                                    rs.getTimestamp("cutoff") == null ? null : rs.getTimestamp("cutoff").toInstant(),
                                    rs.getInt("erased"), rs.getInt("held_back")));
                });
        counts.values().forEach(list -> list.sort(java.util.Comparator.comparing(RetentionRun.Count::kind)));
        return counts;
    }

    private static RetentionRun withCounts(RetentionRun run, Map<Long, List<RetentionRun.Count>> counts) {
        return new RetentionRun(run.id(), run.trigger(), run.startedAt(), run.finishedAt(), run.startedBy(),
                run.organisationId(), run.subjectReference(), run.reason(), counts.getOrDefault(run.id(), List.of()));
    }

    private static RetentionRun map(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new RetentionRun(rs.getLong("id"), RetentionRun.Trigger.valueOf(rs.getString("run_trigger")),
                rs.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant(),
                rs.getString("full_name"), rs.getObject("organisation_id", Long.class),
                rs.getString("subject_reference"), rs.getString("reason"), List.of());
    }
}
