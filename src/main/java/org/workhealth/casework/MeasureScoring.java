package org.workhealth.casework;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.workhealth.casework.Measure.Band;
import org.workhealth.casework.Measure.Question;

/**
 * Turns answers into scores and bands, and compares a later score with the baseline, from nothing
 * but the measure's data: SUM adds the answers into one total, PER_ITEM scores each question on
 * its own; a score's band is the band whose range holds it.
 */
final class MeasureScoring {

    /** What a change from baseline amounts to, in the measure's own direction. */
    enum Direction {
        IMPROVED("Improved"), NO_CHANGE("No change"), WORSE("Worse");

        private final String label;

        Direction(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /**
     * One score: the total (SUM, {@code position} null) or one question's (PER_ITEM).
     *
     * @param band the band label, or null when the data has no band covering the score
     */
    record Score(Integer position, String label, int value, String band, boolean higherIsBetter) {
    }

    /**
     * A later score against the baseline.
     *
     * @param reliable whether the improvement is big enough to count (the measure's reliable change
     *     threshold, or a move into a better band when it has none)
     */
    record Change(int difference, Direction direction, boolean reliable) {

        /** "Improved by 7 points", "No change", "Worse by 2 points". */
        String text() {
            int points = Math.abs(difference);
            return direction == Direction.NO_CHANGE ? direction.label()
                    : direction.label() + " by " + points + (points == 1 ? " point" : " points");
        }
    }

    private MeasureScoring() {
    }

    /**
     * Scores a full set of answers.
     *
     * @param answers the value chosen for each question, by question position
     * @throws IllegalArgumentException when a question is unanswered or has a value it does not offer
     */
    static List<Score> score(Measure measure, Map<Integer, Integer> answers) {
        for (Question question : measure.questions()) {
            Integer value = answers.get(question.position());
            if (value == null || !question.offers(value)) {
                throw new IllegalArgumentException(measure.code() + " question " + question.position()
                        + " needs one of its own answers, not " + value);
            }
        }
        if (measure.scoring() == Measure.Scoring.SUM) {
            int total = measure.questions().stream().mapToInt(q -> answers.get(q.position())).sum();
            return List.of(new Score(null, "Total", total, band(measure.bands(), total), measure.higherIsBetter()));
        }
        List<Score> scores = new ArrayList<>();
        for (Question question : measure.questions()) {
            int value = answers.get(question.position());
            scores.add(new Score(question.position(), question.shortLabel() == null ? question.text()
                    : question.shortLabel(), value, band(bandsOf(measure, question), value),
                    question.higherIsBetter()));
        }
        return scores;
    }

    /** The band of a total (SUM) or of one question's score (PER_ITEM, {@code position} given). */
    static String band(Measure measure, Integer position, int score) {
        return band(position == null ? measure.bands() : bandsOf(measure, measure.question(position)), score);
    }

    /** How {@code later} compares with {@code baseline}: both the same score of the same measure. */
    static Change change(Measure measure, Score baseline, Score later) {
        int difference = later.value() - baseline.value();
        int better = later.higherIsBetter() ? difference : -difference;
        Direction direction = better > 0 ? Direction.IMPROVED : better < 0 ? Direction.WORSE : Direction.NO_CHANGE;
        boolean reliable;
        if (direction != Direction.IMPROVED) {
            reliable = false;
        } else if (measure.reliableChange() != null) {
            reliable = better >= measure.reliableChange();
        } else {
            List<Band> bands = baseline.position() == null ? measure.bands()
                    : bandsOf(measure, measure.question(baseline.position()));
            reliable = rank(bands, later.value(), later.higherIsBetter())
                    > rank(bands, baseline.value(), baseline.higherIsBetter());
        }
        return new Change(difference, direction, reliable);
    }

    private static List<Band> bandsOf(Measure measure, Question question) {
        return question.bands().isEmpty() ? measure.bands() : question.bands();
    }

    private static String band(List<Band> bands, int score) {
        return bands.stream().filter(b -> b.contains(score)).map(Band::label).findFirst().orElse(null);
    }

    /** How good a score's band is: bigger is better, whichever way the measure runs; -1 outside every band. */
    private static int rank(List<Band> bands, int score, boolean higherIsBetter) {
        List<Band> worstFirst = new ArrayList<>(bands);
        Comparator<Band> byMin = Comparator.comparingInt(Band::minScore);
        worstFirst.sort(higherIsBetter ? byMin : byMin.reversed());
        for (int i = 0; i < worstFirst.size(); i++) {
            if (worstFirst.get(i).contains(score)) {
                return i;
            }
        }
        return -1;
    }
}
