package org.workhealth.api;


import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

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
                        .anyRequest().authenticated());
        authentication.statelessWithToken(http, ApiProblems::write, "This client may not do this.");
        return http.build();
    }
}
