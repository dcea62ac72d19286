package org.workhealth.govuk.internal;

import java.util.Set;

import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.standard.StandardDialect;

/**
 * Adds what the GOV.UK component templates need beyond standard Thymeleaf: the
 * {@code govuk:attributes} attribute (the macros' {@code govukAttributes}) and the
 * {@code #govuk} expression object ({@link GovukFunctions}).
 */
public class GovukDialect extends AbstractProcessorDialect implements IExpressionObjectDialect {

    public static final String PREFIX = "govuk";

    private static final GovukFunctions FUNCTIONS = new GovukFunctions();

    public GovukDialect() {
        super("GOV.UK Frontend", PREFIX, StandardDialect.PROCESSOR_PRECEDENCE);
    }

    @Override
    public Set<IProcessor> getProcessors(String dialectPrefix) {
        Set<IProcessor> processors = new java.util.HashSet<>();
        processors.add(new AttributesProcessor(dialectPrefix));
        for (String component : GovukComponents.NAMES) {
            processors.add(new ComponentProcessor(dialectPrefix, component));
        }
        return processors;
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of(PREFIX);
            }

            @Override
            public Object buildObject(IExpressionContext context, String expressionObjectName) {
                return FUNCTIONS;
            }

            @Override
            public boolean isCacheable(String expressionObjectName) {
                return true;
            }
        };
    }
}
