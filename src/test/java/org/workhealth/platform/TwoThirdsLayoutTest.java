package org.workhealth.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;
import org.workhealth.govuk.TemplateEngines;

/** {@code layout :: twoThirds} starts a page as pages wrote it by hand: caption and h1 in the two-thirds column. */
class TwoThirdsLayoutTest {

    private final SpringTemplateEngine engine = TemplateEngines.withTemplatesAndStrings();

    @Test
    void theCaptionAndTheTitleAsH1OpenTheTwoThirdsColumnBeforeThePagesContent() {
        Document page = render("""
                <html th:replace="~{layout :: twoThirds('Plan an appointment', ${'Ann Smith, case ' + reference}, ~{::content})}">
                <th:block th:fragment="content" th:with="note='Visible'"><p class="govuk-body" id="body" th:text="${note}">x</p></th:block>
                </html>
                """);
        assertThat(page.title()).isEqualTo("Plan an appointment – WorkHealth");
        var column = page.select("main > .govuk-grid-row > .govuk-grid-column-two-thirds").first();
        assertThat(column).isNotNull();
        assertThat(column.children().eachAttr("class")).containsExactly("govuk-caption-l", "govuk-heading-l", "govuk-body");
        assertThat(column.child(0).text()).isEqualTo("Ann Smith, case ABCD-2345");
        assertThat(column.child(1).tagName()).isEqualTo("h1");
        assertThat(column.child(1).text()).isEqualTo("Plan an appointment");
        assertThat(column.child(2).text()).isEqualTo("Visible");
    }

    @Test
    void withoutACaptionTheH1ComesFirst() {
        Document page = render("""
                <html th:replace="~{layout :: twoThirds('Cookies', null, ~{::content})}">
                <th:block th:fragment="content"><p class="govuk-body">Text</p></th:block>
                </html>
                """);
        assertThat(page.select(".govuk-caption-l")).isEmpty();
        assertThat(page.select(".govuk-grid-column-two-thirds > :first-child").outerHtml())
                .isEqualTo("<h1 class=\"govuk-heading-l\">Cookies</h1>");
    }

    private Document render(String template) {
        MockServletContext servletContext = new MockServletContext();
        var exchange = JakartaServletWebApplication.buildApplication(servletContext)
                .buildExchange(new MockHttpServletRequest(servletContext), new MockHttpServletResponse());
        WebContext context = new WebContext(exchange, Locale.UK);
        context.setVariable("reference", "ABCD-2345");
        return Jsoup.parse(engine.process(template, context));
    }
}
