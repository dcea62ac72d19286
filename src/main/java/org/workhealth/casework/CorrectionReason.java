package org.workhealth.casework;

import org.springframework.validation.BindingResult;
import org.workhealth.govuk.TextAnswer;
import org.workhealth.milestone.Milestones;

/** The reason every correction of a case's record gives, kept with the milestone it corrects. */
final class CorrectionReason {

    private CorrectionReason() {
    }

    /**
     * Checks the {@code reason} field: required, and as long as the milestone keeps. Control characters never reach
     * here: every bound form is stripped of them ({@code govuk.InputAdvice}).
     */
    static void check(String reason, String what, BindingResult result) {
        TextAnswer.required(result, "reason", reason, "Enter why the " + what + " is being corrected", "Reason",
                Milestones.REASON_MAX);
    }
}
