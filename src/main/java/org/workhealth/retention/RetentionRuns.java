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
import org.workhealth.organisation.People;

/** The reports of erasure runs, in {@code retention_run} and {@code retention_run_count}. */
@Repository
class RetentionRuns {

    static final int PAGE = 50;

    private final JdbcClient jdbc;
    private final People people;

    RetentionRuns(JdbcClient jdbc, People people) {
        this.jdbc = jdbc;
        this.people = people;
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

    /** The latest runs, newest first, with their counts and who started them read in two more queries. */
    List<RetentionRun> latest() {
        return complete(jdbc.sql(SELECT + " ORDER BY r.started_at DESC, r.id DESC LIMIT " + PAGE)
                .query((rs, row) -> map(rs)).list());
    }

    Optional<RetentionRun> find(long id) {
        return complete(jdbc.sql(SELECT + " WHERE r.id = ?").param(id).query((rs, row) -> map(rs)).list()).stream()
                .findFirst();
    }

    private static final String SELECT = """
            SELECT r.id, r.run_trigger, r.started_at, r.finished_at, r.started_by, r.organisation_id,
                   r.subject_reference, r.reason
            FROM retention_run r
            """;

    /** A run as read, before its counts and the name of who started it are added. */
    private record Row(RetentionRun run, Long startedBy) {
    }

    private List<RetentionRun> complete(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<RetentionRun.Count>> counts = counts(rows.stream().map(r -> r.run().id()).toList());
        Map<Long, String> names = new HashMap<>();
        people.findAll(rows.stream().map(Row::startedBy).filter(java.util.Objects::nonNull).distinct().toList())
                .forEach(p -> names.put(p.id(), p.fullName()));
        return rows.stream().map(r -> complete(r.run(), names.get(r.startedBy()), counts)).toList();
    }

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

    private static RetentionRun complete(RetentionRun run, String startedBy,
            Map<Long, List<RetentionRun.Count>> counts) {
        return new RetentionRun(run.id(), run.trigger(), run.startedAt(), run.finishedAt(), startedBy,
                run.organisationId(), run.subjectReference(), run.reason(), counts.getOrDefault(run.id(), List.of()));
    }

    private static Row map(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new Row(new RetentionRun(rs.getLong("id"), RetentionRun.Trigger.valueOf(rs.getString("run_trigger")),
                rs.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant(),
                null, rs.getObject("organisation_id", Long.class), rs.getString("subject_reference"),
                rs.getString("reason"), List.of()), rs.getObject("started_by", Long.class));
    }
}
