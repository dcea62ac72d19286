package org.workhealth.fhir.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.workhealth.api.ApiCaller;

import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;

/** Who is calling (the security chain has checked the token and scope) and which referral they mean. */
final class FhirCaller {

    private FhirCaller() {
    }

    static ApiCaller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ApiCaller caller) {
            return caller;
        }
        throw new AuthenticationException("Send the client's token as Authorization: Bearer <token>");
    }

    /**
     * The sender's own identifier for the referral, which makes a repeat harmless: {@code If-None-Exist:
     * identifier=system|value}, else the ServiceRequest's first identifier, else the Bundle's; none, no protection.
     */
    static String idempotencyKey(String ifNoneExist, ServiceRequest request, Bundle bundle) {
        if (ifNoneExist != null && !ifNoneExist.isBlank()) {
            String query = ifNoneExist.contains("?") ? ifNoneExist.substring(ifNoneExist.indexOf('?') + 1)
                    : ifNoneExist;
            if (!query.startsWith("identifier=") || query.contains("&")) {
                throw new InvalidRequestException("If-None-Exist may name only identifier=system|value");
            }
            return URLDecoder.decode(query.substring("identifier=".length()), StandardCharsets.UTF_8);
        }
        for (Identifier identifier : request.getIdentifier()) {
            if (identifier.hasValue()) {
                return key(identifier);
            }
        }
        return bundle != null && bundle.hasIdentifier() && bundle.getIdentifier().hasValue()
                ? key(bundle.getIdentifier()) : null;
    }

    private static String key(Identifier identifier) {
        return (identifier.hasSystem() ? identifier.getSystem() : "") + "|" + identifier.getValue();
    }
}
