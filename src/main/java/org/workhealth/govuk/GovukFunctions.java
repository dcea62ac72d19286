package org.workhealth.govuk;

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
