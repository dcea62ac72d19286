package org.workhealth.milestone.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The attributes column: {@code key=value;key=value}, simple enough to read in the database and in exports. */
public final class MilestoneAttributes {

    public static final int MAX_LENGTH = 2000;

    private MilestoneAttributes() {
    }

    public static String encode(Map<String, String> attributes) {
        if (attributes.isEmpty()) {
            return null;
        }
        attributes.forEach((key, value) -> {
            if (key == null || key.isBlank() || !clean(key) || value == null || !clean(value)) {
                throw new IllegalArgumentException("Milestone attribute " + key + "=" + value
                        + " must be non-empty text without ';' or '='");
            }
        });
        String text = attributes.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(";"));
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("Milestone attributes are longer than " + MAX_LENGTH + " characters");
        }
        return text;
    }

    public static Map<String, String> decode(String text) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String pair : text.split(";")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                attributes.put(pair.substring(0, equals), pair.substring(equals + 1));
            }
        }
        return Collections.unmodifiableMap(attributes);
    }

    private static boolean clean(String text) {
        return text.indexOf(';') < 0 && text.indexOf('=') < 0;
    }
}
