package org.workhealth.trial.employer;

/** Typed answers, trimmed; blank is no answer. */
final class Texts {

    private Texts() {
    }

    static String trimmed(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
