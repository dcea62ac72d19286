package org.workhealth.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** What a recipient reads: every template's words as Notify would show them. */
class MessageTemplateTest {

    private static final Pattern FIELD = Pattern.compile("\\(\\(([a-z_]+)\\)\\)");

    @Test
    void noTemplateHasARunOfSpacesOrTrailingSpaceInItsWords() {
        for (MessageTemplate template : MessageTemplate.values()) {
            String words = template.subject(java.util.Map.of()) + "\n" + template.body(java.util.Map.of());
            assertThat(words).as(template.name()).doesNotContain("  ").doesNotContainPattern(" \n");
        }
    }

    @Test
    void everyFieldATemplateUsesIsOneItAsksFor() {
        Arrays.stream(MessageTemplate.values()).forEach(template -> {
            var used = FIELD.matcher(template.subject(java.util.Map.of()) + template.body(java.util.Map.of()))
                    .results().map(m -> m.group(1)).distinct().toList();
            assertThat(template.fields()).as(template.name()).containsExactlyInAnyOrderElementsOf(used);
        });
    }
}
