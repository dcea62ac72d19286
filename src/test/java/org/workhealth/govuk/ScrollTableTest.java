package org.workhealth.govuk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/** {@code fragments/table :: scrollTable} writes what pages wrote by hand around their own table body. */
class ScrollTableTest {

    private static final String HAND_WRITTEN = """
            <div class="app-table-scroll" role="region" aria-label="Open cases whose review is overdue" tabindex="0">
            <table class="govuk-table" id="overdue">
              <caption class="govuk-table__caption govuk-visually-hidden">Open cases whose review is overdue</caption>
              <thead class="govuk-table__head"><tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">Case</th>
                <th scope="col" class="govuk-table__header govuk-table__header--numeric">Days overdue</th>
              </tr></thead>
              <tbody class="govuk-table__body">
                <tr class="govuk-table__row">
                  <td class="govuk-table__cell"><a class="govuk-link" href="/cases/1">ABCD-2345</a></td>
                  <td class="govuk-table__cell govuk-table__cell--numeric">3</td>
                </tr>
              </tbody>
            </table>
            </div>
            """;

    private final SpringTemplateEngine engine = TemplateEngines.withTemplatesAndStrings();

    @Test
    void theRegionTableCaptionAndHeadAreWrittenAroundThePagesBody() {
        String html = engine.process("""
                <th:block th:unless="${rows.isEmpty()}"><th:block th:replace="~{fragments/table :: scrollTable(${ {
                    caption: 'Open cases whose review is overdue', captionClasses: 'govuk-visually-hidden',
                    attributes: {id: 'overdue'},
                    head: { {text: 'Case'}, {text: 'Days overdue', format: 'numeric'} }} }, ~{::overdueRows})}">
                  <tbody th:fragment="overdueRows" class="govuk-table__body">
                    <tr class="govuk-table__row" th:each="r : ${rows}">
                      <td class="govuk-table__cell"><a class="govuk-link" th:href="${r.href}" th:text="${r.reference}">REF</a></td>
                      <td class="govuk-table__cell govuk-table__cell--numeric" th:text="${r.days}">0</td>
                    </tr>
                  </tbody>
                </th:block></th:block>
                """, rows(List.of(Map.of("href", "/cases/1", "reference", "ABCD-2345", "days", 3))));
        assertThat(CanonicalHtml.of(html)).isEqualTo(CanonicalHtml.of(HAND_WRITTEN));
    }

    @Test
    void theRegionCanBeNamedOtherwiseThanTheCaption() {
        String html = engine.process("""
                <th:block th:replace="~{fragments/table :: scrollTable(${ {label: 'Participant rows',
                    caption: 'The first 2 rows', head: { {text: 'Locality'} }} }, ~{::someRows})}">
                  <tbody th:fragment="someRows" class="govuk-table__body"></tbody>
                </th:block>
                """, rows(List.of()));
        assertThat(CanonicalHtml.of(html)).contains("aria-label=\"Participant rows\"")
                .containsPattern("<caption class=\"govuk-table__caption\">\\s+The first 2 rows");
    }

    @Test
    void nothingIsWrittenForAnEmptyListWhenThePageSaysSo() {
        String html = engine.process("""
                <th:block th:unless="${rows.isEmpty()}"><th:block th:replace="~{fragments/table :: scrollTable(${ {
                    caption: 'Nothing', head: { {text: 'Case'} }} }, ~{::noRows})}">
                  <tbody th:fragment="noRows" class="govuk-table__body"></tbody>
                </th:block></th:block>
                """, rows(List.of()));
        assertThat(html).isBlank();
    }

    private static Context rows(List<Map<String, Object>> rows) {
        Context context = new Context();
        context.setVariable("rows", rows);
        return context;
    }
}
