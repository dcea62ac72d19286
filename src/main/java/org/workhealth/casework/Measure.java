package org.workhealth.casework;

import java.util.List;

/**
 * An outcome measure as its rows in the database describe it: questions, the answers each offers,
 * how answers become scores and the bands scores fall in. Nothing about any one instrument lives in code.
 *
 * @param instructions     what is read out or shown before the questions, if anything
 * @param reliableChange   the improvement in points that counts as reliable; null means any move into a better band
 * @param bands            the bands of the total (SUM) or of every item without bands of its own (PER_ITEM)
 */
record Measure(long id, String code, String name, String description, String instructions, Scoring scoring,
        boolean higherIsBetter, Integer reliableChange, List<Question> questions, List<Band> bands) {

    enum Scoring {
        /** Every answer added into one total. */
        SUM,
        /** Each question scored on its own, as ONS4 is. */
        PER_ITEM
    }

    /**
     * @param shortLabel     the name of the question's own score (PER_ITEM), like "Anxiety"
     * @param higherIsBetter for this question's own score
     * @param options        the answers it offers, lowest value first
     * @param bands          bands of this question's own score, or empty to use the measure's
     * @param alertFromScore an answer scoring at least this shows {@code alertText} at once; null for no prompt
     */
    record Question(long id, int position, String text, String shortLabel, String hint, boolean higherIsBetter,
            List<Option> options, List<Band> bands, Integer alertFromScore, String alertText) {

        boolean offers(int value) {
            return options.stream().anyMatch(o -> o.value() == value);
        }

        /** Whether this answer needs the safety prompt, whatever the measure's total comes to. */
        boolean alerts(int value) {
            return alertFromScore != null && value >= alertFromScore;
        }
    }

    record Option(int value, String label) {
    }

    record Band(int minScore, int maxScore, String label) {

        boolean contains(int score) {
            return score >= minScore && score <= maxScore;
        }
    }

    Question question(int position) {
        return questions.stream().filter(q -> q.position() == position).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(code + " has no question " + position));
    }
}
