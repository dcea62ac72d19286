package org.workhealth.casework;

import org.springframework.validation.BindingResult;
import org.workhealth.milestone.Milestones;

/** The reason every correction of a case's record gives, kept with the milestone it corrects. */
final class CorrectionReason {

    private CorrectionReason() {
    }

    /** Checks the {@code reason} field: required, as long as the milestone keeps, no control characters. */
    static void check(String reason, String what, BindingResult result) {
        String answer = reason == null ? "" : reason.strip();
        if (answer.isEmpty()) {
            result.rejectValue("reason", "required", "Enter why the " + what + " is being corrected");
        } else if (answer.length() > Milestones.REASON_MAX) {
            result.rejectValue("reason", "tooLong", "Reason must be " + Milestones.REASON_MAX + " characters or fewer");
        } else if (answer.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            result.rejectValue("reason", "control",
                    "Reason must only include letters, numbers, spaces and punctuation");
        }
    }
}
