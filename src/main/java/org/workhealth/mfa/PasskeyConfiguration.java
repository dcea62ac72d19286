package org.workhealth.mfa;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;
import org.workhealth.audit.AuditLog;

/**
 * Passkeys through Spring Security's WebAuthn support ({@code http.webAuthn}), kept in the database, as a second
 * factor only: {@code POST /webauthn/register/options} and {@code /webauthn/register} add one (behind
 * {@link PasskeyGuard}); {@code POST /webauthn/authenticate/options} and {@code /login/webauthn} check one after
 * the password, through {@link PasskeySecondFactor}. Spring Security applies a {@code Customizer<HttpSecurity>}
 * bean to the service's filter chain (organisation/SecurityConfiguration), so this module needs nothing there.
 */
@Configuration(proxyBeanMethods = false)
class PasskeyConfiguration {

    @Bean
    PublicKeyCredentialUserEntityRepository passkeyUsers(JdbcOperations jdbc) {
        return new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
    }

    @Bean
    UserCredentialRepository passkeyCredentials(JdbcOperations jdbc, AuditLog audit) {
        return new AuditedPasskeyCredentials(new JdbcUserCredentialRepository(jdbc), audit);
    }

    @Bean
    WebAuthnRelyingPartyOperations passkeyRelyingParty(PublicKeyCredentialUserEntityRepository users,
            UserCredentialRepository credentials, PasskeyProperties properties,
            @Value("${workhealth.service-name:WorkHealth}") String serviceName) {
        PublicKeyCredentialRpEntity service = PublicKeyCredentialRpEntity.builder().id(properties.rpId())
                .name(serviceName).build();
        return new PasskeyNames(new Webauthn4JRelyingPartyOperations(users, credentials, service,
                properties.allowedOrigins()));
    }

    @Bean
    Customizer<HttpSecurity> passkeySignIn(PasskeyProperties properties, WebAuthnRelyingPartyOperations relyingParty,
            AuditLog audit, @Value("${workhealth.service-name:WorkHealth}") String serviceName) {
        return http -> {
            http.webAuthn(passkeys -> passkeys.rpId(properties.rpId()).rpName(serviceName)
                    .allowedOrigins(properties.allowedOrigins())
                    // The account page is the GOV.UK one at /account/mfa.
                    .disableDefaultRegistrationPage(true)
                    .withObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {
                        @Override
                        public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
                            filter.setAuthenticationManager(new PasskeySecondFactor(relyingParty, audit));
                            // As at any sign-in step: a new session id (SecondFactor.add does the same).
                            filter.setSessionAuthenticationStrategy(new ChangeSessionIdAuthenticationStrategy());
                            return filter;
                        }
                    }));
            http.addFilterBefore(new PasskeyGuard(), AuthorizationFilter.class);
        };
    }
}
