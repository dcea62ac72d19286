package org.workhealth.milestone.internal;

import java.util.Map;

/**
 * What a milestone attribute may hold: a name that fits {@code milestone_attribute.name} and a value that fits its
 * {@code content}, both without control characters. Attributes come from code, never straight from a form, so a
 * bad one is a programming error, refused before anything is written.
 */
public final class MilestoneAttributes {

    public static final int MAX_NAME_LENGTH = 100;
    public static final int MAX_LENGTH = 2000;

    private MilestoneAttributes() {
    }

    public static void check(Map<String, String> attributes) {
        attributes.forEach((name, value) -> {
            if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH || !printable(name)
                    || value == null || value.length() > MAX_LENGTH || !printable(value)) {
                throw new IllegalArgumentException("Milestone attribute " + name + " must have a name of 1 to "
                        + MAX_NAME_LENGTH + " characters and a value of at most " + MAX_LENGTH
                        + ", without control characters");
            }
        });
    }

    private static boolean printable(String text) {
        return text.chars().noneMatch(Character::isISOControl);
    }
}
