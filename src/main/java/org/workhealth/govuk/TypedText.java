package org.workhealth.govuk;

import java.beans.PropertyEditorSupport;
import java.util.regex.Pattern;

/**
 * Text as a person can type it: control characters other than tab, line feed and carriage return are removed.
 * They are stripped rather than refused because no one means to type them (they arrive pasted from other
 * systems), stripping keeps the rest of the answer, and PostgreSQL refuses a NUL in any text column.
 * Every form binding strips them ({@link InputAdvice}); code reading text outside form binding (uploaded
 * files, forms bound by hand) calls {@link #clean(String)}.
 */
public final class TypedText {

    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

    private TypedText() {
    }

    public static String clean(String text) {
        return text == null ? null : CONTROL.matcher(text).replaceAll("");
    }

    public static boolean hasControlCharacters(String text) {
        return text != null && CONTROL.matcher(text).find();
    }

    /**
     * Text for a CSV cell that a spreadsheet shows as text: one starting like a formula (= + - @, or a tab or
     * carriage return before one) gets a leading apostrophe, so opening the file runs nothing. XLSX files need
     * no such care: their text cells are typed as text and never read as formulas.
     */
    public static String inert(String value) {
        if (value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }

    /** The editor every binder uses for strings. */
    public static PropertyEditorSupport editor() {
        return new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(clean(text));
            }

            @Override
            public String getAsText() {
                Object value = getValue();
                return value == null ? "" : value.toString();
            }
        };
    }
}
