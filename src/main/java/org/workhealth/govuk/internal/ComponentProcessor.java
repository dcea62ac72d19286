package org.workhealth.govuk.internal;

import java.io.StringWriter;
import java.util.Map;

import org.thymeleaf.TemplateSpec;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.element.AbstractAttributeTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.standard.expression.StandardExpressionExecutionContext;
import org.thymeleaf.standard.expression.StandardExpressions;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * {@code <th:block govuk:button="${ {text: 'Save and continue'} }"/>}: replaces the element with
 * a component rendered from the parameters, as calling the Nunjucks macro does.
 *
 * <p>Pages use this rather than {@code th:replace} because Thymeleaf evaluates fragment
 * parameters in restricted mode, which rejects ordinary English in literals (any text with
 * "new " in it looks like object creation to its check). The parameters here are evaluated
 * normally; the component templates still only ever see the resulting values.
 *
 * <p>It runs after {@code th:if} and {@code th:with}, so those work on the same element.
 */
class ComponentProcessor extends AbstractAttributeTagProcessor {

    private static final int PRECEDENCE = 700;

    private final String component;

    ComponentProcessor(String dialectPrefix, String component) {
        super(TemplateMode.HTML, dialectPrefix, null, false, component, true, PRECEDENCE, true);
        this.component = component;
    }

    @Override
    protected void doProcess(ITemplateContext context, IProcessableElementTag tag, AttributeName attributeName,
            String attributeValue, IElementTagStructureHandler structureHandler) {
        Object params = StandardExpressions.getExpressionParser(context.getConfiguration())
                .parseExpression(context, attributeValue).execute(context, StandardExpressionExecutionContext.NORMAL);
        structureHandler.replaceWith(render(context, component, params), false);
    }

    static String render(ITemplateContext context, String component, Object params) {
        Context nested = new Context(context.getLocale());
        nested.setVariable("component", component);
        nested.setVariable("macro", GovukComponents.macroName(component));
        nested.setVariable("params", params == null ? Map.of() : params);
        StringWriter html = new StringWriter();
        context.getConfiguration().getTemplateManager()
                .parseAndProcess(new TemplateSpec("govuk/render", TemplateMode.HTML), nested, html);
        return html.toString();
    }
}
