package org.workhealth;

import java.util.List;
import java.util.Optional;

/**
 * The rule every page's title follows: its h1's words, then " – " and whatever the layout adds (the
 * record it concerns, the service's name); "Error: " first when the page shows errors.
 */
public final class PageTitles {

    private PageTitles() {
    }

    /** What is wrong with a page's title given its h1s' texts, or empty when it is right. */
    public static Optional<String> problem(String title, List<String> headings) {
        if (headings.size() != 1) {
            return Optional.of("has " + headings.size() + " h1s: " + headings);
        }
        String heading = headings.get(0).replaceAll("\\s+", " ").strip();
        String shown = title.replaceAll("\\s+", " ").strip();
        String words = shown.startsWith("Error: ") ? shown.substring("Error: ".length()) : shown;
        if (!words.startsWith(heading + " – ")) {
            return Optional.of("title \"" + title + "\" does not start with its h1 \"" + heading + "\"");
        }
        return Optional.empty();
    }
}
