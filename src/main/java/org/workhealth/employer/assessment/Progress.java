package org.workhealth.employer.assessment;

/** An employer's self-assessment of one criterion: its answer and where it has got to. */
record Progress(String criterionCode, String answer, CriterionStatus status) {

    static final int ANSWER_MAX = 2000;

    static Progress notStarted(String code) {
        return new Progress(code, null, CriterionStatus.NOT_STARTED);
    }
}
