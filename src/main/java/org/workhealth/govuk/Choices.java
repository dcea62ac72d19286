package org.workhealth.govuk;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** Builds the {@code items} of select, radios and checkboxes components from domain values. */
public final class Choices {

    private Choices() {
    }

    /** Select options, led by an empty placeholder option when {@code placeholder} is given. */
    public static <T> List<Map<String, Object>> select(String placeholder, Collection<T> values,
            Function<T, ?> value, Function<T, String> text, Object selected) {
        List<Map<String, Object>> items = new ArrayList<>();
        if (placeholder != null) {
            items.add(item("", placeholder, false, "selected"));
        }
        for (T each : values) {
            String v = String.valueOf(value.apply(each));
            items.add(item(v, text.apply(each), selected != null && v.equals(String.valueOf(selected)), "selected"));
        }
        return items;
    }

    /** Radio or checkbox items; {@code chosen} holds the values that are checked. */
    public static <T> List<Map<String, Object>> options(Collection<T> values, Function<T, ?> value,
            Function<T, String> text, Function<T, String> hint, Collection<?> chosen) {
        List<String> checked = chosen == null ? List.of() : chosen.stream().map(String::valueOf).toList();
        List<Map<String, Object>> items = new ArrayList<>();
        for (T each : values) {
            String v = String.valueOf(value.apply(each));
            Map<String, Object> item = item(v, text.apply(each), checked.contains(v), "checked");
            String hintText = hint == null ? null : hint.apply(each);
            if (hintText != null) {
                item.put("hint", Map.of("text", hintText));
            }
            items.add(item);
        }
        return items;
    }

    /**
     * The code a person chose from radios or a select of {@code type}'s values, or null when they chose nothing or
     * sent something that is not one of its codes: a coded answer accepts only its codes.
     */
    public static <E extends Enum<E>> E chosen(Class<E> type, String answer) {
        if (answer == null || answer.isBlank()) {
            return null;
        }
        for (E each : type.getEnumConstants()) {
            if (each.name().equals(answer.strip())) {
                return each;
            }
        }
        return null;
    }

    private static Map<String, Object> item(String value, String text, boolean on, String flag) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("value", value);
        item.put("text", Objects.requireNonNullElse(text, value));
        if (on) {
            // Left out when false, so that the component's own value parameter can still select it.
            item.put(flag, true);
        }
        return item;
    }
}
