package org.workhealth.organisation;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

@Configuration
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

    /**
     * Only the service's own assets; GOV.UK Frontend needs no inline script or style. The one style hash is the
     * style element Swagger UI (the API's documentation at /api-docs, swagger-ui 5.32.14) adds: a new swagger-ui
     * version may need a new hash (ApiClientsJourneyTest reports it).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='; "
            + "img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    @Bean
    PublicPaths sitePublicPaths() {
        return new PublicPaths("/", "/sign-in", "/accessibility", "/privacy", "/cookies", "/error", "/assets/**", "/webjars/**",
                "/favicon.ico", "/actuator/health", "/actuator/health/**");
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, List<PublicPaths> publicPaths, SessionRegistry sessions,
            AccountSessions endedSessions, ObjectProvider<ClientRegistrationRepository> singleSignOnProviders,
            SingleSignOn singleSignOn) throws Exception {
        String[] open = publicPaths.stream().flatMap(p -> p.patterns().stream()).distinct().toArray(String[]::new);
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(open).permitAll()
                        .requestMatchers("/actuator/**").hasRole(Role.ADMINISTRATOR.name())
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/sign-in").usernameParameter("email").passwordParameter("password")
                        .defaultSuccessUrl("/home", true).failureHandler((request, response, exception) -> {
                            // Keep what was typed so the person does not have to type their email again.
                            request.getSession().setAttribute(SignInController.TYPED_EMAIL, request.getParameter("email"));
                            response.sendRedirect(request.getContextPath() + "/sign-in?error");
                        }))
                .logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessUrl("/sign-in?signedOut")
                        .deleteCookies("WORKHEALTH_SESSION"))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId())
                        .invalidSessionUrl("/sign-in?timedOut")
                        .sessionConcurrency(concurrency -> concurrency.maximumSessions(-1).sessionRegistry(sessions)
                                .expiredSessionStrategy(endedSessions)))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31536000)));
        if (singleSignOnProviders.getIfAvailable() != null) {
            // Only when an organisation's OpenID provider is configured (docs/single-sign-on.md).
            http.oauth2Login(login -> login.loginPage("/sign-in").successHandler(singleSignOn)
                    .failureHandler((request, response, exception) -> response.sendRedirect(
                            request.getContextPath() + SingleSignOn.REFUSED)));
        }
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt by default, with the algorithm recorded in each hash so that it can be raised later.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
