package org.workhealth.casework;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.casework.Measure.Band;
import org.workhealth.casework.Measure.Option;
import org.workhealth.casework.Measure.Question;

/**
 * The measures an area uses, read from their rows every time (they are few and small, and an area
 * may add one at any moment), and the measures taken on cases with their answers.
 */
@Component
class Measures {

    /** When in the support a measure was taken. */
    enum Point {
        BASELINE("Baseline"), REVIEW("Review"), EXIT("Exit");

        private final String label;

        Point(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /** A measure taken on a case; {@code answers} by question position. */
    record Response(long id, long caseId, long measureId, Point point, LocalDate takenOn,
            Map<Integer, Integer> answers) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    Measures(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    List<Measure> all() {
        return jdbc.sql("SELECT id FROM measure ORDER BY position, name").query(Long.class).list().stream()
                .map(id -> load(id).orElseThrow()).toList();
    }

    Optional<Measure> findByCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id FROM measure WHERE code = ?").param(code).query(Long.class).optional()
                .flatMap(this::load);
    }

    Optional<Measure> find(long id) {
        return load(id);
    }

    /** Records a measure taken and returns its id. The answers must already have been checked. */
    @Transactional
    long record(long caseId, Measure measure, Point point, LocalDate takenOn, Map<Integer, Integer> answers,
            long recordedBy) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO measure_response (case_id, measure_id, point, taken_on, recorded_at, recorded_by)
                VALUES (?, ?, ?, ?, ?, ?)
                """).params(caseId, measure.id(), point.name(), Date.valueOf(takenOn),
                Timestamp.from(clock.instant()), recordedBy).update(key, "id");
        long id = key.getKeyAs(Long.class);
        for (Question question : measure.questions()) {
            jdbc.sql("INSERT INTO measure_answer (response_id, question_id, score) VALUES (?, ?, ?)")
                    .params(id, question.id(), answers.get(question.position())).update();
        }
        return id;
    }

    /** The measures taken on a case, oldest first. */
    List<Response> forCase(long caseId) {
        record Row(long id, long measureId, String point, LocalDate takenOn, int position, int value) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT r.id, r.measure_id, r.point, r.taken_on, q.position, a.score
                FROM measure_response r
                JOIN measure_answer a ON a.response_id = r.id
                JOIN measure_question q ON q.id = a.question_id
                WHERE r.case_id = ?
                ORDER BY r.taken_on, r.id, q.position
                """).param(caseId).query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("measure_id"),
                rs.getString("point"), rs.getDate("taken_on").toLocalDate(), rs.getInt("position"),
                rs.getInt("score"))).list();
        Map<Long, Response> responses = new LinkedHashMap<>();
        for (Row row : rows) {
            Response response = responses.computeIfAbsent(row.id(), k -> new Response(k, caseId, row.measureId(),
                    Point.valueOf(row.point()), row.takenOn(), new LinkedHashMap<>()));
            response.answers().put(row.position(), row.value());
        }
        return new ArrayList<>(responses.values());
    }

    boolean hasBaseline(long caseId, long measureId) {
        return jdbc.sql("SELECT COUNT(*) FROM measure_response WHERE case_id = ? AND measure_id = ? AND point = ?")
                .params(caseId, measureId, Point.BASELINE.name()).query(Integer.class).single() > 0;
    }

    private Optional<Measure> load(long id) {
        Optional<Map<String, Object>> row = jdbc.sql("""
                SELECT id, code, name, description, instructions, scoring, higher_is_better, reliable_change
                FROM measure WHERE id = ?
                """).param(id).query().listOfRows().stream().findFirst();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> m = row.get();
        boolean higherIsBetter = (Boolean) m.get("higher_is_better");
        List<Option> measureOptions = options("measure_id = ? AND question_id IS NULL", id);
        List<Band> measureBands = bands("measure_id = ? AND question_id IS NULL", id);
        List<Question> questions = jdbc.sql("""
                SELECT id, position, text, short_label, hint, higher_is_better, alert_from_score, alert_text
                FROM measure_question WHERE measure_id = ? ORDER BY position
                """).param(id).query().listOfRows().stream().map(q -> {
                    long questionId = ((Number) q.get("id")).longValue();
                    List<Option> own = options("question_id = ?", questionId);
                    Boolean questionHigher = (Boolean) q.get("higher_is_better");
                    return new Question(questionId, ((Number) q.get("position")).intValue(), (String) q.get("text"),
                            (String) q.get("short_label"), (String) q.get("hint"),
                            questionHigher == null ? higherIsBetter : questionHigher,
                            own.isEmpty() ? measureOptions : own, bands("question_id = ?", questionId),
                            q.get("alert_from_score") == null ? null
                                    : ((Number) q.get("alert_from_score")).intValue(),
                            (String) q.get("alert_text"));
                }).toList();
        Number reliable = (Number) m.get("reliable_change");
        return Optional.of(new Measure(id, (String) m.get("code"), (String) m.get("name"),
                (String) m.get("description"), (String) m.get("instructions"),
                Measure.Scoring.valueOf((String) m.get("scoring")), higherIsBetter,
                reliable == null ? null : reliable.intValue(), questions, measureBands));
    }

    private List<Option> options(String where, long id) {
        return jdbc.sql("SELECT score, label FROM measure_option WHERE " + where + " ORDER BY score").param(id)
                .query((rs, n) -> new Option(rs.getInt("score"), rs.getString("label"))).list();
    }

    private List<Band> bands(String where, long id) {
        return jdbc.sql("SELECT min_score, max_score, label FROM measure_band WHERE " + where + " ORDER BY min_score")
                .param(id).query((rs, n) -> new Band(rs.getInt("min_score"), rs.getInt("max_score"),
                        rs.getString("label"))).list();
    }
}
