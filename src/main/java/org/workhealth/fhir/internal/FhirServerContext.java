package org.workhealth.fhir.internal;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.LenientErrorHandler;

/**
 * The one R4 context (costly to make, safe to share). Its parser does not log what it could not read, because a
 * value it quotes may be personal data; a value that does not parse is still refused (400).
 */
public final class FhirServerContext {

    private static final FhirContext CONTEXT = create();

    private FhirServerContext() {
    }

    public static FhirContext get() {
        return CONTEXT;
    }

    private static FhirContext create() {
        FhirContext context = FhirContext.forR4Cached();
        context.setParserErrorHandler(new LenientErrorHandler(false).setErrorOnInvalidValue(true));
        return context;
    }
}
