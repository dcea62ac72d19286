package org.workhealth.api;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
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

    /**
     * Makes a surface's chain stateless and token-only: no session, no cookie and so no CSRF token, no sign-in page
     * or redirect, the bearer filter before authorisation, refusals (401, 403 and the filter's 401 and 429) written
     * by {@code refusal}, and nothing the surface answers may be framed or run script.
     */
    public void statelessWithToken(HttpSecurity http, Refusal refusal, String forbidden) throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                            refusal.write(request, response, HttpServletResponse.SC_UNAUTHORIZED,
                                    "Send the client's token as Authorization: Bearer <token>.");
                        })
                        .accessDeniedHandler((request, response, e) -> refusal.write(request, response,
                                HttpServletResponse.SC_FORBIDDEN, forbidden)))
                .addFilterBefore(bearerFilter(refusal), AuthorizationFilter.class)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .frameOptions(frame -> frame.deny()));
    }
}
