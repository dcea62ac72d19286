package org.workhealth.govuk;

import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Spring's binding and validation errors in the shape GOV.UK pages need: an error summary list
 * in the order the fields appear on the page, linking to each field, and one message per field
 * for its error message. Pages read it as {@code errors}: see {@link FormErrorsInterceptor}.
 */
public final class FormErrors {

    private static final FormErrors NONE = new FormErrors(Map.of(), List.of());

    private final Map<String, String> messages;
    private final List<Map<String, String>> summary;

    private FormErrors(Map<String, String> messages, List<Map<String, String>> summary) {
        this.messages = messages;
        this.summary = summary;
    }

    public static FormErrors none() {
        return NONE;
    }

    /** One error on one field, for pages whose errors do not come from binding a form. */
    public static FormErrors single(String field, String message) {
        return new FormErrors(Map.of(field, message), List.of(Map.of("text", message, "href", "#" + field)));
    }

    /**
     * Errors collected by hand, in page order: each with the field it concerns and the element the
     * summary links to (a date's day box, say). The first message per field wins.
     */
    public static FormErrors ofProblems(List<String[]> fieldMessageAnchor) {
        if (fieldMessageAnchor.isEmpty()) {
            return NONE;
        }
        Map<String, String> messages = new LinkedHashMap<>();
        List<Map<String, String>> summary = new ArrayList<>();
        for (String[] problem : fieldMessageAnchor) {
            if (!messages.containsKey(problem[0])) {
                messages.put(problem[0], problem[1]);
                summary.add(Map.of("text", problem[1], "href", "#" + problem[2]));
            }
        }
        return new FormErrors(messages, summary);
    }

    /** The one call that turns a {@link BindingResult} into the error summary and field messages. */
    public static FormErrors of(BindingResult result) {
        if (result == null || !result.hasErrors()) {
            return NONE;
        }
        List<String> order = fieldOrder(result.getTarget());
        List<FieldError> fieldErrors = new ArrayList<>(result.getFieldErrors());
        fieldErrors.sort(Comparator.comparingInt(e -> position(order, e.getField())));
        Map<String, String> messages = new LinkedHashMap<>();
        List<Map<String, String>> summary = new ArrayList<>();
        for (ObjectError global : result.getGlobalErrors()) {
            summary.add(Map.of("text", String.valueOf(global.getDefaultMessage())));
        }
        for (FieldError error : fieldErrors) {
            String field = error.getField();
            if (!messages.containsKey(field)) {
                String message = message(error);
                messages.put(field, message);
                summary.add(Map.of("text", message, "href", "#" + anchor(result, field)));
            }
        }
        return new FormErrors(messages, summary);
    }

    public boolean any() {
        return !summary.isEmpty();
    }

    /** For the error summary component's {@code errorList}. */
    public List<Map<String, String>> summary() {
        return summary;
    }

    /** For a field component's {@code errorMessage}: {@code {text: "..."}}, or null when the field is fine. */
    public Map<String, String> on(String field) {
        String message = messages.get(field);
        return message == null ? null : Map.of("text", message);
    }

    public boolean has(String field) {
        return messages.containsKey(field);
    }

    private static String message(FieldError error) {
        if (error.isBindingFailure()) {
            return "Enter a valid " + humanise(error.getField());
        }
        return String.valueOf(error.getDefaultMessage());
    }

    /** Date fields link to their day box, as the date input pattern asks. */
    private static String anchor(BindingResult result, String field) {
        Class<?> type = result.getFieldType(field);
        if (type != null && java.time.LocalDate.class.isAssignableFrom(type)) {
            return field + "-day";
        }
        return field;
    }

    private static List<String> fieldOrder(Object target) {
        List<String> order = new ArrayList<>();
        if (target == null) {
            return order;
        }
        Class<?> type = target.getClass();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                order.add(component.getName());
            }
        } else {
            for (Field field : type.getDeclaredFields()) {
                order.add(field.getName());
            }
        }
        return order;
    }

    private static int position(List<String> order, String field) {
        String root = field.contains(".") ? field.substring(0, field.indexOf('.')) : field;
        int index = order.indexOf(root);
        return index < 0 ? Integer.MAX_VALUE : index;
    }

    private static String humanise(String field) {
        return field.replaceAll("([A-Z])", " $1").toLowerCase();
    }
}
