package org.workhealth.casework;

import org.springframework.validation.BindingResult;

/**
 * The free-text answers of case pages: stripped, blank meaning no answer, and no longer than their column allows.
 * One place, so every page words "Enter …" and "… must be N characters or fewer" alike.
 */
final class CaseTexts {

    private CaseTexts() {
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * The answer, stripped; rejected into {@code result} when blank (with {@code missing}) or too long.
     *
     * @param label what the answer is, starting the too-long message, like "Notes"
     */
    static String required(BindingResult result, String field, String value, String missing, String label,
            int max) {
        String answer = blankToNull(value);
        if (answer == null) {
            result.rejectValue(field, "required", missing);
        } else {
            notTooLong(result, field, answer, label, max);
        }
        return answer;
    }

    /** The answer, stripped, or null when blank; rejected into {@code result} when too long. */
    static String optional(BindingResult result, String field, String value, String label, int max) {
        String answer = blankToNull(value);
        if (answer != null) {
            notTooLong(result, field, answer, label, max);
        }
        return answer;
    }

    private static void notTooLong(BindingResult result, String field, String answer, String label, int max) {
        if (answer.length() > max) {
            result.rejectValue(field, "tooLong", label + " must be " + max + " characters or fewer");
        }
    }
}
