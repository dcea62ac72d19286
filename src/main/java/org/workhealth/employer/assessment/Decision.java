package org.workhealth.employer.assessment;

/** One criterion of a round: the answer as sent, and the assessor's decision ("MET", "MORE_NEEDED") and feedback. */
record Decision(long submissionId, String criterionCode, String answer, String decision, String feedback) {

    static final int FEEDBACK_MAX = 1000;

    public boolean met() {
        return "MET".equals(decision);
    }
}
