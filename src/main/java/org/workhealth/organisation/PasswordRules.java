package org.workhealth.organisation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;

/**
 * What makes a new password acceptable: length over complexity, and not common or guessable, as the NCSC
 * advises. Guessability is zxcvbn's estimate, from its own lists of common passwords, words and names, keyboard
 * patterns, dates and the person's own name and email address.
 */
final class PasswordRules {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;
    /** zxcvbn's scores run 0–4; 3 is "safely unguessable", about 10^10 guesses. */
    static final int MIN_SCORE = 3;

    private static final Zxcvbn ZXCVBN = new Zxcvbn();

    private PasswordRules() {
    }

    /** The error to show, or empty when the password is acceptable. */
    static Optional<String> problemWith(String password, String email) {
        return problemWith(password, email, null);
    }

    /** As {@link #problemWith(String, String)}, also refusing passwords made from the person's name. */
    static Optional<String> problemWith(String password, String email, String fullName) {
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
        Strength strength = ZXCVBN.measure(password, personal(email, fullName));
        if (strength.getScore() < MIN_SCORE) {
            return Optional.of(tooEasy(strength));
        }
        return Optional.empty();
    }

    /** Says why, in zxcvbn's words ("This is a very common password"), and what would help. */
    private static String tooEasy(Strength strength) {
        StringBuilder message = new StringBuilder("Password is too easy to guess.");
        String warning = strength.getFeedback().getWarning(Locale.ENGLISH);
        if (warning != null && !warning.isBlank()) {
            message.append(' ').append(sentence(warning));
        }
        List<String> suggestions = strength.getFeedback().getSuggestions(Locale.ENGLISH);
        message.append(' ').append(suggestions.isEmpty() ? "Use 3 or 4 unrelated words." : sentence(suggestions.get(0)));
        return message.toString();
    }

    private static String sentence(String text) {
        String trimmed = text.strip();
        return trimmed.endsWith(".") ? trimmed : trimmed + ".";
    }

    private static List<String> personal(String email, String fullName) {
        List<String> words = new ArrayList<>();
        if (email != null && !email.isBlank()) {
            words.add(email);
            words.addAll(List.of(email.split("[@.\\-_+]")));
        }
        if (fullName != null && !fullName.isBlank()) {
            String name = fullName.toLowerCase(Locale.ROOT);
            words.addAll(List.of(name.split("\\s+")));
            words.add(name.replaceAll("\\s+", ""));
        }
        words.removeIf(String::isBlank);
        return words;
    }
}
