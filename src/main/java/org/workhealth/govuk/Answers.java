package org.workhealth.govuk;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The small rules every form shares, in one place so that two forms never disagree on them: what counts as blank,
 * what an email address looks like, and that a coded answer accepts only its codes.
 */
public final class Answers {

    /** The longest email address a mail system accepts (RFC 5321's path limit less its angle brackets). */
    public static final int EMAIL_LENGTH = 254;

    /** Something, an at sign, a domain with a dot and a top-level part of two or more characters; no spaces. */
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]{2,}$");

    private Answers() {
    }

    /** Nothing, or only spaces. */
    public static boolean blank(String answer) {
        return answer == null || answer.isBlank();
    }

    /** Whether {@code answer} looks like an email address a message could be sent to. */
    public static boolean email(String answer) {
        return answer != null && answer.length() <= EMAIL_LENGTH && EMAIL.matcher(answer.strip()).matches();
    }

    /** The code chosen from {@code type}'s values, or null when nothing or something else was sent. */
    public static <E extends Enum<E>> E code(Class<E> type, String answer) {
        return Choices.chosen(type, answer);
    }

    /** The codes chosen from checkboxes of {@code type}'s values; anything that is not one of them is left out. */
    public static <E extends Enum<E>> List<E> codes(Class<E> type, Collection<String> answers) {
        return answers == null ? List.of()
                : answers.stream().map(a -> code(type, a)).filter(Objects::nonNull).distinct().toList();
    }
}
