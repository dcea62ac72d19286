package org.workhealth.govuk;

import org.springframework.validation.Errors;

/**
 * A typed answer checked the same way on every form: given (unless optional) and no longer than its column allows,
 * with the GOV.UK wording for each error ("Enter …", "… must be 200 characters or fewer").
 */
public final class TextAnswer {

    private TextAnswer() {
    }

    /** The answer without surrounding spaces, or {@code null} when blank: for answers with no limit to check. */
    public static String orNull(String answer) {
        return answer == null || answer.isBlank() ? null : answer.strip();
    }

    /**
     * The answer without surrounding spaces, or {@code null} when blank; a blank answer rejects the field with
     * {@code missing}, a longer one with "{@code label} must be {@code max} characters or fewer".
     */
    public static String required(Errors errors, String field, String answer, String missing, String label, int max) {
        if (answer == null || answer.isBlank()) {
            errors.rejectValue(field, "required", missing);
            return null;
        }
        return limited(errors, field, answer.strip(), label, max);
    }

    /** The answer without surrounding spaces, or {@code null} when blank; a longer one rejects the field. */
    public static String optional(Errors errors, String field, String answer, String label, int max) {
        if (answer == null || answer.isBlank()) {
            return null;
        }
        return limited(errors, field, answer.strip(), label, max);
    }

    private static String limited(Errors errors, String field, String answer, String label, int max) {
        if (answer.length() > max) {
            errors.rejectValue(field, "tooLong", label + " must be " + max + " characters or fewer");
        }
        return answer;
    }
}
