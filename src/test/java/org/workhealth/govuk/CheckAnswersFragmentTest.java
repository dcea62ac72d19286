package org.workhealth.govuk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/** {@code fragments/check-answers :: confirmOrChange} writes the two forms check-answers pages wrote by hand. */
class CheckAnswersFragmentTest {

    private static final String HAND_WRITTEN = """
            <form method="post" action="/agreements/new/confirm" novalidate>
              <input type="hidden" name="title" value="Evaluation of &quot;Pathways&quot;">
              <input type="hidden" name="shiftDays" value="7">
              <th:block govuk:button="${ {text: 'Record the agreement', preventDoubleClick: true} }"></th:block>
            </form>
            <form method="post" action="/agreements/new/change" novalidate>
              <input type="hidden" name="title" value="Evaluation of &quot;Pathways&quot;">
              <input type="hidden" name="shiftDays" value="7">
              <th:block govuk:button="${ {text: 'Change answers', classes: 'govuk-button--secondary'} }"></th:block>
            </form>
            """;

    private final SpringTemplateEngine engine = TemplateEngines.withTemplatesAndStrings();

    @Test
    void oneFormConfirmsTheAnswersAndTheOtherTakesThemBackToBeChanged() {
        Context context = new Context();
        context.setVariable("base", "/agreements/new");
        context.setVariable("hidden", List.of(new String[] {"title", "Evaluation of \"Pathways\""},
                new String[] {"shiftDays", "7"}));
        String html = engine.process("""
                <th:block th:replace="~{fragments/check-answers :: confirmOrChange(${hidden}, ${base + '/confirm'},
                    ${base + '/change'}, 'Record the agreement')}"></th:block>
                """, context);
        assertThat(CanonicalHtml.of(html)).isEqualTo(CanonicalHtml.of(engine.process(HAND_WRITTEN, context)));
        assertThat(html).contains("Record the agreement").contains("Change answers");
    }
}
