package org.workhealth.employer.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A round of assessment is decided once, from waiting for assessment, to met or more needed. */
class SubmissionStatusTest {

    @Test
    void onlyAWaitingRoundIsDecidedAndTheDecisionFollowsTheCriteria() {
        assertThat(SubmissionStatus.decided(true)).isEqualTo(SubmissionStatus.MET);
        assertThat(SubmissionStatus.decided(false)).isEqualTo(SubmissionStatus.MORE_NEEDED);
        assertThat(SubmissionStatus.fromWhichToBecome(SubmissionStatus.MET)).containsExactly("SUBMITTED");
        assertThat(SubmissionStatus.fromWhichToBecome(SubmissionStatus.MORE_NEEDED)).containsExactly("SUBMITTED");
        assertThat(SubmissionStatus.MET.canBecome(SubmissionStatus.MORE_NEEDED)).isFalse();
        assertThat(SubmissionStatus.MORE_NEEDED.canBecome(SubmissionStatus.MET)).isFalse();
        assertThat(SubmissionStatus.SUBMITTED.canBecome(SubmissionStatus.SUBMITTED)).isFalse();
    }
}
