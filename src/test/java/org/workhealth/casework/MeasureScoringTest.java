package org.workhealth.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.workhealth.TestData.letters;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.workhealth.casework.MeasureScoring.Change;
import org.workhealth.casework.MeasureScoring.Direction;
import org.workhealth.casework.MeasureScoring.Score;

/**
 * Scoring from the seeded data: every band edge of every instrument, the change from baseline in
 * each measure's direction, and a measure added purely as rows, scored with no code of its own.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MeasureScoringTest {

    private final Measures measures;
    private final JdbcClient jdbc;

    @Autowired
    MeasureScoringTest(Measures measures, JdbcClient jdbc) {
        this.measures = measures;
        this.jdbc = jdbc;
    }

    @Test
    void phq9TotalsAndBandsAtEveryEdge() {
        Measure phq9 = measure("PHQ9");
        assertThat(phq9.questions()).hasSize(9);
        assertThat(phq9.questions().get(0).text()).isEqualTo("Little interest or pleasure in doing things");
        assertThat(phq9.instructions())
                .startsWith("Over the last 2 weeks, how often have you been bothered by");
        assertThat(phq9.questions().get(0).options()).extracting(Measure.Option::label)
                .containsExactly("Not at all", "Several days", "More than half the days", "Nearly every day");
        assertTotalBands(phq9, Map.ofEntries(Map.entry(0, "Minimal"), Map.entry(4, "Minimal"), Map.entry(5, "Mild"),
                Map.entry(9, "Mild"), Map.entry(10, "Moderate"), Map.entry(14, "Moderate"),
                Map.entry(15, "Moderately severe"), Map.entry(19, "Moderately severe"), Map.entry(20, "Severe"),
                Map.entry(27, "Severe")));
    }

    @Test
    void gad7TotalsAndBandsAtEveryEdge() {
        Measure gad7 = measure("GAD7");
        assertThat(gad7.questions()).hasSize(7);
        assertThat(gad7.questions().get(0).text()).isEqualTo("Feeling nervous, anxious or on edge");
        assertTotalBands(gad7, Map.of(0, "Minimal", 4, "Minimal", 5, "Mild", 9, "Mild", 10, "Moderate",
                14, "Moderate", 15, "Severe", 21, "Severe"));
    }

    @Test
    void ons4ScoresEachQuestionOnItsOwnWithTheOnsThresholds() {
        Measure ons4 = measure("ONS4");
        assertThat(ons4.questions()).extracting(Measure.Question::shortLabel)
                .containsExactly("Life satisfaction", "Worthwhile", "Happiness", "Anxiety");
        assertThat(ons4.questions().get(0).text()).isEqualTo("Overall, how satisfied are you with your life nowadays?");
        Map<Integer, String> positive = Map.of(0, "Low", 4, "Low", 5, "Medium", 6, "Medium", 7, "High", 8, "High",
                9, "Very high", 10, "Very high");
        Map<Integer, String> anxiety = Map.of(0, "Very low", 1, "Very low", 2, "Low", 3, "Low", 4, "Medium",
                5, "Medium", 6, "High", 10, "High");
        for (int position = 1; position <= 3; position++) {
            for (Map.Entry<Integer, String> edge : positive.entrySet()) {
                assertThat(itemScore(ons4, position, edge.getKey()).band()).as("question %d scoring %d", position,
                        edge.getKey()).isEqualTo(edge.getValue());
            }
        }
        for (Map.Entry<Integer, String> edge : anxiety.entrySet()) {
            assertThat(itemScore(ons4, 4, edge.getKey()).band()).as("anxiety %d", edge.getKey())
                    .isEqualTo(edge.getValue());
        }
        // Each question is its own score: four scores, not a total.
        List<Score> scores = MeasureScoring.score(ons4, Map.of(1, 7, 2, 8, 3, 5, 4, 2));
        assertThat(scores).extracting(Score::value).containsExactly(7, 8, 5, 2);
        assertThat(scores).extracting(Score::band).containsExactly("High", "High", "Medium", "Low");
    }

    @Test
    void selfManagementBandsAtEveryEdge() {
        Measure selfManagement = measure("SELFMAN");
        assertThat(selfManagement.questions()).singleElement().extracting(Measure.Question::text)
                .isEqualTo("How well can you manage your health condition(s)?");
        assertTotalBands(selfManagement, Map.of(0, "Low", 3, "Low", 4, "Medium", 6, "Medium", 7, "High",
                10, "High"));
    }

    @Test
    void changeFromBaselineRespectsEachMeasuresDirectionAndReliableChange() {
        Measure phq9 = measure("PHQ9");
        // Lower is better: 16 to 11 is better by 5, short of the 6 points of reliable change; 16 to 10 is reliable.
        Change five = MeasureScoring.change(phq9, total(phq9, 16), total(phq9, 11));
        assertThat(five.direction()).isEqualTo(Direction.IMPROVED);
        assertThat(five.reliable()).isFalse();
        assertThat(five.text()).isEqualTo("Improved by 5 points");
        assertThat(MeasureScoring.change(phq9, total(phq9, 16), total(phq9, 10)).reliable()).isTrue();
        assertThat(MeasureScoring.change(phq9, total(phq9, 10), total(phq9, 11)).text()).isEqualTo("Worse by 1 point");
        assertThat(MeasureScoring.change(phq9, total(phq9, 10), total(phq9, 10)).text()).isEqualTo("No change");

        Measure gad7 = measure("GAD7");
        assertThat(MeasureScoring.change(gad7, total(gad7, 12), total(gad7, 9)).reliable()).isFalse();
        assertThat(MeasureScoring.change(gad7, total(gad7, 12), total(gad7, 8)).reliable()).isTrue();

        // Without a threshold: only a move into a better band counts, whichever way the measure runs.
        Measure selfManagement = measure("SELFMAN");
        assertThat(MeasureScoring.change(selfManagement, total(selfManagement, 4), total(selfManagement, 6))
                .reliable()).isFalse();
        assertThat(MeasureScoring.change(selfManagement, total(selfManagement, 6), total(selfManagement, 7))
                .reliable()).isTrue();
        Measure ons4 = measure("ONS4");
        Change calmer = MeasureScoring.change(ons4, itemScore(ons4, 4, 6), itemScore(ons4, 4, 5));
        assertThat(calmer.direction()).isEqualTo(Direction.IMPROVED);
        assertThat(calmer.reliable()).isTrue();
        assertThat(MeasureScoring.change(ons4, itemScore(ons4, 4, 2), itemScore(ons4, 4, 3)).direction())
                .isEqualTo(Direction.WORSE);
        assertThat(MeasureScoring.change(ons4, itemScore(ons4, 1, 7), itemScore(ons4, 1, 8)).reliable()).isFalse();
    }

    @Test
    void answersMustBeCompleteAndOnesTheQuestionOffers() {
        Measure gad7 = measure("GAD7");
        Map<Integer, Integer> answers = answersTotalling(gad7, 3);
        answers.remove(7);
        assertThatThrownBy(() -> MeasureScoring.score(gad7, answers)).isInstanceOf(IllegalArgumentException.class);
        answers.put(7, 4);
        assertThatThrownBy(() -> MeasureScoring.score(gad7, answers)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMeasureAddedAsRowsOnlyIsScoredWithNoCodeOfItsOwn() {
        // A made-up instrument in the shape of SWEMWBS: 3 items, 1-5 each, totals 3-15, higher is better,
        // plus a fourth item offering answers of its own; a reliable change of 3 points.
        String code = "T" + letters(10).toUpperCase();
        jdbc.sql("""
                INSERT INTO measure (code, name, description, instructions, scoring, higher_is_better,
                                     reliable_change, position)
                VALUES (?, ?, 'Added in a test', 'Think about the last week.', 'SUM', TRUE, 3, 90)
                """).params(code, "Test measure " + code).update();
        long id = jdbc.sql("SELECT id FROM measure WHERE code = ?").param(code).query(Long.class).single();
        for (int position = 1; position <= 4; position++) {
            jdbc.sql("INSERT INTO measure_question (measure_id, position, text) VALUES (?, ?, ?)")
                    .params(id, position, "Statement " + position).update();
        }
        for (int value = 1; value <= 5; value++) {
            jdbc.sql("INSERT INTO measure_option (measure_id, score, label) VALUES (?, ?, ?)")
                    .params(id, value, "Option " + value).update();
        }
        long fourth = jdbc.sql("SELECT id FROM measure_question WHERE measure_id = ? AND position = 4").param(id)
                .query(Long.class).single();
        jdbc.sql("INSERT INTO measure_option (measure_id, question_id, score, label) VALUES (?, ?, 0, 'No')")
                .params(id, fourth).update();
        jdbc.sql("INSERT INTO measure_option (measure_id, question_id, score, label) VALUES (?, ?, 2, 'Yes')")
                .params(id, fourth).update();
        jdbc.sql("INSERT INTO measure_band (measure_id, min_score, max_score, label) VALUES (?, 3, 8, 'Low')")
                .param(id).update();
        jdbc.sql("INSERT INTO measure_band (measure_id, min_score, max_score, label) VALUES (?, 9, 12, 'Average')")
                .param(id).update();
        jdbc.sql("INSERT INTO measure_band (measure_id, min_score, max_score, label) VALUES (?, 13, 17, 'High')")
                .param(id).update();

        Measure added = measure(code);
        assertThat(added.questions()).hasSize(4);
        assertThat(added.questions().get(0).options()).extracting(Measure.Option::value).containsExactly(1, 2, 3, 4, 5);
        assertThat(added.questions().get(3).options()).extracting(Measure.Option::label).containsExactly("No", "Yes");

        Score low = MeasureScoring.score(added, Map.of(1, 1, 2, 3, 3, 2, 4, 2)).get(0);
        assertThat(low.value()).isEqualTo(8);
        assertThat(low.band()).isEqualTo("Low");
        Score average = MeasureScoring.score(added, Map.of(1, 3, 2, 3, 3, 3, 4, 0)).get(0);
        assertThat(average.band()).isEqualTo("Average");
        Score high = MeasureScoring.score(added, Map.of(1, 5, 2, 5, 3, 5, 4, 2)).get(0);
        assertThat(high.value()).isEqualTo(17);
        assertThat(high.band()).isEqualTo("High");
        assertThat(MeasureScoring.change(added, low, average).reliable()).isFalse();
        assertThat(MeasureScoring.change(added, low, high).reliable()).isTrue();
        assertThat(MeasureScoring.change(added, high, low).direction()).isEqualTo(Direction.WORSE);
        // The fourth item offers only its own answers.
        assertThatThrownBy(() -> MeasureScoring.score(added, Map.of(1, 1, 2, 1, 3, 1, 4, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // --- helpers ---

    private Measure measure(String code) {
        return measures.findByCode(code).orElseThrow();
    }

    private static void assertTotalBands(Measure measure, Map<Integer, String> edges) {
        for (Map.Entry<Integer, String> edge : edges.entrySet()) {
            Score score = total(measure, edge.getKey());
            assertThat(score.value()).isEqualTo(edge.getKey());
            assertThat(score.band()).as("%s total %d", measure.code(), edge.getKey()).isEqualTo(edge.getValue());
        }
    }

    private static Score total(Measure measure, int total) {
        return MeasureScoring.score(measure, answersTotalling(measure, total)).get(0);
    }

    private static Score itemScore(Measure measure, int position, int value) {
        Map<Integer, Integer> answers = new LinkedHashMap<>();
        measure.questions().forEach(q -> answers.put(q.position(), 0));
        answers.put(position, value);
        return MeasureScoring.score(measure, answers).get(position - 1);
    }

    /** Answers, each a value the question offers, adding up to {@code total}. */
    static Map<Integer, Integer> answersTotalling(Measure measure, int total) {
        Map<Integer, Integer> answers = new LinkedHashMap<>();
        int left = total;
        for (Measure.Question question : measure.questions()) {
            int max = question.options().stream().mapToInt(Measure.Option::value).max().orElseThrow();
            int value = Math.min(max, left);
            answers.put(question.position(), value);
            left -= value;
        }
        if (left != 0) {
            throw new IllegalArgumentException(measure.code() + " cannot total " + total);
        }
        return answers;
    }
}
