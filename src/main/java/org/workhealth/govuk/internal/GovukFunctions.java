package org.workhealth.govuk.internal;

import java.util.Collection;
import java.util.Map;

import org.unbescape.html.HtmlEscape;

/**
 * Helpers the component templates reach as {@code #govuk}. They reproduce what the
 * Nunjucks macros rely on: JavaScript truthiness, "html if given, else escaped text", and
 * parameters that read as null when absent.
 */
public class GovukFunctions {

    /** Wraps a parameter map so that absent options read as null. */
    public GovukParams params(Object params) {
        return GovukParams.of(params);
    }

    /** JavaScript truthiness, as Nunjucks' {@code if} uses it. */
    public boolean truthy(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof CharSequence s) {
            return !s.isEmpty();
        }
        if (value instanceof Number n) {
            double d = n.doubleValue();
            return d != 0 && !Double.isNaN(d);
        }
        return true;
    }

    /** The first truthy value, like {@code a or b} in Nunjucks. */
    public Object or(Object first, Object second) {
        return truthy(first) ? first : second;
    }

    /**
     * The markup for an option that may carry {@code html} or {@code text}: the html as given,
     * otherwise the text escaped. For use with {@code th:utext}.
     */
    public String content(Object options) {
        if (!(options instanceof Map<?, ?> map)) {
            return "";
        }
        return content(map.get("html"), map.get("text"));
    }

    /** {@code html} as given when truthy, otherwise {@code text} escaped. */
    public String content(Object html, Object text) {
        if (truthy(html)) {
            return String.valueOf(html).strip();
        }
        return text == null ? "" : escape(text);
    }

    /** Whether an option that may carry {@code html} or {@code text} has either. */
    public boolean hasContent(Object options) {
        return options instanceof Map<?, ?> map && (truthy(map.get("html")) || truthy(map.get("text")));
    }

    public String escape(Object text) {
        return text == null ? "" : HtmlEscape.escapeHtml4Xml(String.valueOf(text));
    }

    /** Class names joined by spaces, leaving out the empty ones. */
    public String classes(Object... names) {
        StringBuilder joined = new StringBuilder();
        for (Object name : names) {
            if (truthy(name)) {
                if (!joined.isEmpty()) {
                    joined.append(' ');
                }
                joined.append(name);
            }
        }
        return joined.toString();
    }

    /**
     * Attribute maps combined, later ones winning, for {@code govuk:attributes}. Lets a template
     * add a boolean attribute such as {@code {'open': {value: true, optional: true}}}, which
     * renders bare ({@code open}); {@code th:attr} would write {@code open="open"}.
     * Arguments that are not maps are ignored.
     */
    public Map<Object, Object> merge(Object... maps) {
        Map<Object, Object> merged = new java.util.LinkedHashMap<>();
        for (Object map : maps) {
            if (map instanceof Map<?, ?> m) {
                merged.putAll(m);
            }
        }
        return merged;
    }

    /** Nunjucks' {@code capitalize} filter: first letter upper case, the rest lower case. */
    public String capitalize(Object value) {
        String lower = value == null ? "" : String.valueOf(value).toLowerCase(java.util.Locale.ROOT);
        return lower.isEmpty() ? lower : lower.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + lower.substring(1);
    }

    /**
     * The {@code govukI18nAttributes} macro as a map for {@code govuk:attributes}:
     * {@code data-i18n.<key>.<plural rule>} for each of {@code messages} when given, otherwise
     * {@code data-i18n.<key>} for {@code message} when given.
     */
    public Map<String, Object> i18nAttributes(String key, Object message, Object messages) {
        Map<String, Object> attributes = new java.util.LinkedHashMap<>();
        if (truthy(messages)) {
            if (messages instanceof Map<?, ?> rules) {
                rules.forEach((rule, text) -> attributes.put("data-i18n." + key + "." + rule, text));
            }
        } else if (truthy(message)) {
            attributes.put("data-i18n." + key, message);
        }
        return attributes;
    }

    /**
     * JavaScript's loose {@code a == b} for the values templates compare: a number equals a
     * string that reads as the same number ({@code 1 == "1"}), otherwise values must be equal.
     */
    public boolean looseEquals(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof Number || b instanceof Number) {
            Double x = toNumber(a);
            Double y = toNumber(b);
            return x != null && y != null && x.doubleValue() == y.doubleValue();
        }
        return a.equals(b);
    }

    private static Double toNumber(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof CharSequence s) {
            String trimmed = s.toString().strip();
            try {
                return trimmed.isEmpty() ? 0d : Double.valueOf(trimmed);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /**
     * Nunjucks' {@code value in container}: an element of a list (numbers compared by value),
     * a substring of a string, or a key of a map.
     */
    public boolean contains(Object container, Object value) {
        if (container instanceof Collection<?> c) {
            for (Object element : c) {
                if (element == null ? value == null
                        : element instanceof Number a && value instanceof Number b
                                ? a.doubleValue() == b.doubleValue() : element.equals(value)) {
                    return true;
                }
            }
            return false;
        }
        if (container instanceof CharSequence s) {
            return s.toString().contains(String.valueOf(value));
        }
        return container instanceof Map<?, ?> m && m.containsKey(String.valueOf(value));
    }

    /**
     * A component rendered to an HTML string, for a macro that renders another component into
     * an {@code html} option ({@code {% set x %}{{ govukHint(...) }}{% endset %}}), which
     * {@code th:replace} cannot do. Pass the template context as {@code #ctx}:
     * {@code #govuk.render(#ctx, 'hint', {text: 'Hello'})}; it renders with the same engine.
     */
    public String render(Object context, String component, Object params) {
        return ComponentProcessor.render((org.thymeleaf.context.ITemplateContext) context, component, params);
    }

    /** Length of a list or string, 0 for anything else. */
    public int length(Object value) {
        if (value instanceof Collection<?> c) {
            return c.size();
        }
        if (value instanceof CharSequence s) {
            return s.length();
        }
        return 0;
    }
}
