package org.workhealth.api;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;
import org.workhealth.api.internal.ApiClients;
import org.workhealth.platform.RateLimits;

/**
 * Authenticates a call by its bearer token and counts it against the client's limit. A call with no token goes on
 * unauthenticated, for the chain to refuse or allow (the OpenAPI document is open); a bad token is refused at once.
 */
class ApiClientFilter extends OncePerRequestFilter {

    static final String RATE_LIMIT_BUCKET = "API_CLIENT";
    private static final String BEARER = "Bearer ";

    private final ApiClients clients;
    private final RateLimits limits;
    private final int callsPerMinute;
    private final ApiAuthentication.Refusal refusal;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    ApiClientFilter(ApiClients clients, RateLimits limits, int callsPerMinute, ApiAuthentication.Refusal refusal) {
        this.clients = clients;
        this.limits = limits;
        this.callsPerMinute = callsPerMinute;
        this.refusal = refusal;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiCaller> caller = clients.authenticate(header.substring(BEARER.length()).strip());
        if (caller.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            refusal.write(request, response, HttpServletResponse.SC_UNAUTHORIZED,
                    "The token is not one this service issued, or its client has expired or been revoked.");
            return;
        }
        Optional<Duration> wait = limits.countInMinute(RATE_LIMIT_BUCKET, caller.get().clientKey(), callsPerMinute);
        if (wait.isPresent()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, wait.get().toSeconds() + 1)));
            refusal.write(request, response, 429,
                    "This client has made more than " + callsPerMinute + " calls this minute. Try again shortly.");
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(new ApiClientAuthenticationToken(caller.get()));
        contexts.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            contexts.clearContext();
        }
    }
}
