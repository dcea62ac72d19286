package org.workhealth.govuk;

import java.util.Comparator;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * HTML reduced to what a browser and a screen reader see, so that two renderings can be
 * compared: attributes sorted, whitespace runs collapsed, whitespace-only text dropped,
 * comments dropped, entities decoded.
 */
final class CanonicalHtml {

    private CanonicalHtml() {
    }

    static String of(String html) {
        StringBuilder out = new StringBuilder();
        for (Node node : Jsoup.parseBodyFragment(html).body().childNodes()) {
            append(node, out, 0);
        }
        return out.toString();
    }

    private static void append(Node node, StringBuilder out, int depth) {
        if (node instanceof TextNode text) {
            String collapsed = collapse(text.getWholeText());
            if (!collapsed.isEmpty()) {
                out.append("  ".repeat(depth)).append(collapsed).append('\n');
            }
        } else if (node instanceof Element element) {
            out.append("  ".repeat(depth)).append('<').append(element.tagName());
            List<Attribute> attributes = element.attributes().asList().stream()
                    .sorted(Comparator.comparing(Attribute::getKey)).toList();
            for (Attribute attribute : attributes) {
                out.append(' ').append(attribute.getKey()).append("=\"")
                        .append(collapse(attribute.getValue())).append('"');
            }
            out.append(">\n");
            for (Node child : element.childNodes()) {
                append(child, out, depth + 1);
            }
            out.append("  ".repeat(depth)).append("</").append(element.tagName()).append(">\n");
        }
    }

    private static String collapse(String text) {
        return text.replaceAll("[ \\t\\n\\r\\f]+", " ").strip();
    }
}
