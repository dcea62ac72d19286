package org.workhealth.organisation;

import java.util.Optional;

/** What makes a new password acceptable: length over complexity, as the NCSC advises. */
final class PasswordRules {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;

    private PasswordRules() {
    }

    /** The error to show, or empty when the password is acceptable. */
    static Optional<String> problemWith(String password, String email) {
        if (password == null || password.isEmpty()) {
            return Optional.of("Enter a new password");
        }
        if (password.length() < MIN_LENGTH) {
            return Optional.of("Password must be " + MIN_LENGTH + " characters or more");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("Password must be " + MAX_LENGTH + " characters or fewer");
        }
        if (email != null && password.equalsIgnoreCase(email)) {
            return Optional.of("Password must not be your email address");
        }
        if (password.chars().distinct().count() < 4) {
            return Optional.of("Password must not repeat the same few characters");
        }
        return Optional.empty();
    }
}
