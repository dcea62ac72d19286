package org.workhealth.govuk.internal;

import java.util.Map;

import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.element.AbstractAttributeTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.standard.expression.StandardExpressions;
import org.thymeleaf.templatemode.TemplateMode;
import org.unbescape.html.HtmlEscape;

/**
 * {@code govuk:attributes="${p.attributes}"}: writes a map of extra attributes onto the element,
 * with the semantics of govuk-frontend's {@code govukAttributes} macro. A value may be a plain
 * value, or {@code {value, optional}} where an optional attribute is left out when empty and
 * written bare when {@code true}.
 */
class AttributesProcessor extends AbstractAttributeTagProcessor {

    AttributesProcessor(String dialectPrefix) {
        super(TemplateMode.HTML, dialectPrefix, null, false, "attributes", true, 1100, true);
    }

    @Override
    protected void doProcess(ITemplateContext context, IProcessableElementTag tag, AttributeName attributeName,
            String attributeValue, IElementTagStructureHandler structureHandler) {
        Object evaluated = StandardExpressions.getExpressionParser(context.getConfiguration())
                .parseExpression(context, attributeValue).execute(context);
        if (!(evaluated instanceof Map<?, ?> attributes)) {
            return;
        }
        attributes.forEach((key, item) -> {
            String name = String.valueOf(key);
            Object value = item;
            boolean optional = false;
            if (item instanceof Map<?, ?> options) {
                value = options.get("value");
                optional = Boolean.TRUE.equals(options.get("optional"));
            }
            if (optional && Boolean.TRUE.equals(value)) {
                structureHandler.setAttribute(name, null);
            } else if (!optional || (value != null && !Boolean.FALSE.equals(value))) {
                structureHandler.setAttribute(name, value == null ? "" : HtmlEscape.escapeHtml4Xml(String.valueOf(value)));
            }
        });
    }
}
