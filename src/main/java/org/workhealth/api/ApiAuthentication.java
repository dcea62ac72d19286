package org.workhealth.api;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.workhealth.api.internal.ApiClients;
import org.workhealth.platform.RateLimits;

/**
 * How a call proves which client made it: {@code Authorization: Bearer <key>.<secret>}. Each surface (the JSON API,
 * FHIR) puts the same filter in its own stateless security chain and answers refusals in its own format.
 */
@Component
public class ApiAuthentication {

    /** Writes a refusal (401 or 429) in the surface's own error format. */
    @FunctionalInterface
    public interface Refusal {
        void write(HttpServletRequest request, HttpServletResponse response, int status, String detail)
                throws IOException;
    }

    private final ApiClients clients;
    private final RateLimits limits;
    private final int callsPerMinute;

    ApiAuthentication(ApiClients clients, RateLimits limits,
            @Value("${workhealth.api.calls-per-minute:600}") int callsPerMinute) {
        this.clients = clients;
        this.limits = limits;
        this.callsPerMinute = callsPerMinute;
    }

    /** A new filter for one security chain: not a bean, so the servlet container does not run it for every path. */
    public Filter bearerFilter(Refusal refusal) {
        return new ApiClientFilter(clients, limits, callsPerMinute, refusal);
    }
}
