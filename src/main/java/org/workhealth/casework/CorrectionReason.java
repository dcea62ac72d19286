package org.workhealth.casework;

import org.springframework.validation.BindingResult;
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
        String answer = reason == null ? "" : reason.strip();
        if (answer.isEmpty()) {
            result.rejectValue("reason", "required", "Enter why the " + what + " is being corrected");
        } else if (answer.length() > Milestones.REASON_MAX) {
            result.rejectValue("reason", "tooLong", "Reason must be " + Milestones.REASON_MAX + " characters or fewer");
        }
    }
}
