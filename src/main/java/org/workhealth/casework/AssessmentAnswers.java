package org.workhealth.casework;

import java.time.LocalDate;
import java.util.List;

/**
 * The answers of a work and health assessment. Free text is limited to {@link #MAX_TEXT} characters;
 * barriers and fit note adjustments are kept in the order of their enums.
 */
record AssessmentAnswers(String healthConditions, String healthEffects, String workSituation, String workHistory,
        String skills, List<Barrier> barriers, String strengths, String goals, FitNote fitNote,
        List<FitNoteAdjustment> fitNoteAdjustments, LocalDate fitNoteFrom, LocalDate fitNoteTo) {

    static final int MAX_TEXT = 2000;

    static final AssessmentAnswers EMPTY = new AssessmentAnswers(null, null, null, null, null, List.of(), null, null,
            null, List.of(), null, null);

    AssessmentAnswers {
        barriers = barriers == null ? List.of() : barriers.stream().distinct().sorted().toList();
        fitNoteAdjustments = fitNoteAdjustments == null ? List.of()
                : fitNoteAdjustments.stream().distinct().sorted().toList();
    }

    enum Barrier {
        HEALTH("Health"), CONFIDENCE("Confidence"), SKILLS("Skills"), QUALIFICATIONS("Qualifications"),
        TRANSPORT("Transport"), CARING("Caring responsibilities"), HOUSING("Housing"), MONEY("Money"),
        DIGITAL_ACCESS("Digital access"), CONVICTIONS("Convictions"), LANGUAGE("Language");

        private final String label;

        Barrier(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What the fit note (statement of fitness for work) says; no fit note is null. */
    enum FitNote {
        NOT_FIT("Not fit for work"), MAY_BE_FIT("May be fit for work");

        private final String label;

        FitNote(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The four boxes a fit note has for "may be fit for work taking into account…". */
    enum FitNoteAdjustment {
        PHASED_RETURN("A phased return to work"), ALTERED_HOURS("Altered hours"), AMENDED_DUTIES("Amended duties"),
        WORKPLACE_ADAPTATIONS("Workplace adaptations");

        private final String label;

        FitNoteAdjustment(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
