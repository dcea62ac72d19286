package org.workhealth.govuk;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code fixtures.json} files that ship in the govuk-frontend webjar. */
final class GovukFixtures {

    static final String VERSION = "5.14.0";

    static final List<String> COMPONENTS = List.of("accordion", "back-link", "breadcrumbs", "button",
            "character-count", "checkboxes", "cookie-banner", "date-input", "details", "error-message",
            "error-summary", "exit-this-page", "fieldset", "file-upload", "footer", "header", "hint", "input",
            "inset-text", "label", "notification-banner", "pagination", "panel", "password-input",
            "phase-banner", "radios", "select", "service-navigation", "skip-link", "summary-list", "table",
            "tabs", "tag", "task-list", "textarea", "warning-text");

    record Fixture(String component, String name, Map<String, Object> options, String html) {
        @Override
        public String toString() {
            return component + " / " + name;
        }
    }

    private GovukFixtures() {
    }

    /** The components named in {@code -Dgovuk.components=a,b}, or all of them. */
    static Set<String> selectedComponents() {
        String selected = System.getProperty("govuk.components", "");
        if (selected.isBlank()) {
            return new TreeSet<>(COMPONENTS);
        }
        return Arrays.stream(selected.split(",")).map(String::strip).collect(Collectors.toCollection(TreeSet::new));
    }

    static List<Fixture> load(Set<String> components) {
        JsonMapper mapper = JsonMapper.builder().build();
        List<Fixture> fixtures = new ArrayList<>();
        for (String component : components) {
            String path = "META-INF/resources/webjars/govuk-frontend/" + VERSION + "/dist/govuk/components/"
                    + component + "/fixtures.json";
            try (InputStream in = GovukFixtures.class.getClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("No fixtures at " + path);
                }
                Map<String, Object> file = mapper.readValue(in, new TypeReference<Map<String, Object>>() { });
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> entries = (List<Map<String, Object>>) file.get("fixtures");
                for (Map<String, Object> entry : entries) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> options = (Map<String, Object>) entry.get("options");
                    fixtures.add(new Fixture(component, (String) entry.get("name"), options, (String) entry.get("html")));
                }
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read " + path, e);
            }
        }
        return fixtures;
    }
}
