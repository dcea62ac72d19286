package org.workhealth.api;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * The API's own security: stateless, a bearer token on every call, no session, no cookies and so no CSRF token, and
 * refusals as problem details. It runs before the staff sign-in's chain, which never sees an API path.
 */
@Configuration
class ApiSecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, ApiAuthentication authentication) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        // The OpenAPI document (and Swagger UI's settings beside it) is open, as the docs are.
                        .requestMatchers(ApiDocumentation.DOCUMENT, ApiDocumentation.DOCUMENT + "/**").permitAll()
                        .anyRequest().authenticated())
                .csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                            ApiProblems.write(request, response, HttpServletResponse.SC_UNAUTHORIZED,
                                    "Send the client's token as Authorization: Bearer <token>.");
                        })
                        .accessDeniedHandler((request, response, e) -> ApiProblems.write(request, response,
                                HttpServletResponse.SC_FORBIDDEN, "This client may not do this.")))
                .addFilterBefore(authentication.bearerFilter(ApiProblems::write), AuthorizationFilter.class)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
    }
}
