package org.workhealth.govuk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.StringTemplateResolver;
import org.workhealth.govuk.internal.GovukDialect;

/** Pages call components with {@code govuk:<name>} and may pass any literal text, including words Thymeleaf's restricted mode trips on. */
class ComponentAttributeTest {

    private final SpringTemplateEngine engine = engine();

    @Test
    void aPageRendersAComponentFromLiteralParameters() {
        String html = engine.process("""
                <div><th:block govuk:button="${ {text: 'Add a new person (param @home)'} }"></th:block></div>
                """, new Context());
        assertThat(CanonicalHtml.of(html)).contains("<button class=\"govuk-button\"")
                .contains("Add a new person (param @home)");
    }

    @Test
    void conditionsAndLocalVariablesOnTheSameElementApplyFirst() {
        Context context = new Context();
        context.setVariable("show", false);
        context.setVariable("items", List.of(Map.of("text", "One")));
        String hidden = engine.process("<th:block th:if=\"${show}\" govuk:tag=\"${ {text: 'Hidden'} }\"></th:block>", context);
        String withVariable = engine.process(
                "<th:block th:with=\"label='Active'\" govuk:tag=\"${ {text: label} }\"></th:block>", context);
        assertThat(hidden).doesNotContain("Hidden");
        assertThat(CanonicalHtml.of(withVariable)).contains("Active");
    }

    @Test
    void textIsEscapedAndHtmlIsNot() {
        String html = engine.process("<th:block govuk:inset-text=\"${ {text: '<script>x</script>'} }\"></th:block>"
                + "<th:block govuk:inset-text=\"${ {html: '<strong>bold</strong>'} }\"></th:block>", new Context());
        assertThat(html).contains("&lt;script&gt;").contains("<strong>bold</strong>");
    }

    private static SpringTemplateEngine engine() {
        ClassLoaderTemplateResolver files = new ClassLoaderTemplateResolver();
        files.setPrefix("templates/");
        files.setSuffix(".html");
        files.setCheckExistence(true);
        files.setOrder(1);
        StringTemplateResolver strings = new StringTemplateResolver();
        strings.setOrder(2);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.addTemplateResolver(files);
        engine.addTemplateResolver(strings);
        engine.addDialect(new GovukDialect());
        return engine;
    }
}
