package testidp;

import java.util.Map;
import java.util.UUID;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * An organisation's own OpenID provider for the single sign-on tests: Spring Authorization Server, on a port of
 * its own, with people who sign in with a password and an ID token that says their email and whether it is
 * verified. Outside the service's packages so that the service never scans it.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class TestIdentityProvider {

    public static final String CLIENT_ID = "workhealth";
    public static final String CLIENT_SECRET = "idp-secret-for-tests";
    public static final String PASSWORD = "idp-password";

    /** Who can sign in here: user name, the email the ID token gives, and whether it says the email is verified. */
    record Account(String email, boolean verified) {
    }

    static final Map<String, Account> ACCOUNTS = Map.of(
            "coach", new Account("coach@bury.workhealth.example", true),
            "coach-unverified", new Account("coach@bury.workhealth.example", false),
            "stranger", new Account("stranger@bury.workhealth.example", true),
            "oldham-coach", new Account("coach@oldham.workhealth.example", true));

    /** Starts the provider at this port, accepting sign-ins for the service's redirect address. */
    public static ConfigurableApplicationContext start(int port, String redirectUri) {
        // As arguments, which outrank the service's application.yml on the shared class path.
        return new SpringApplicationBuilder(TestIdentityProvider.class).run("--server.port=" + port,
                "--identity-provider.redirect-uri=" + redirectUri, "--spring.flyway.enabled=false",
                "--spring.datasource.url=jdbc:h2:mem:idp-" + UUID.randomUUID(),
                "--server.servlet.session.cookie.name=IDP_SESSION", "--spring.main.banner-mode=off",
                "--management.server.port=", "--spring.jmx.enabled=false",
                // It has no tables, so no event publications to deliver again.
                "--spring.modulith.events.republish-outstanding-events-on-restart=false");
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(
            @org.springframework.beans.factory.annotation.Value("${server.port}") int port) {
        return AuthorizationServerSettings.builder().issuer("http://127.0.0.1:" + port).build();
    }

    @Bean
    RegisteredClientRepository registeredClients(
            @org.springframework.beans.factory.annotation.Value("${identity-provider.redirect-uri}") String redirectUri) {
        return new InMemoryRegisteredClientRepository(RegisteredClient.withId("workhealth").clientId(CLIENT_ID)
                .clientSecret("{noop}" + CLIENT_SECRET)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE).redirectUri(redirectUri)
                .scope(OidcScopes.OPENID).scope(OidcScopes.EMAIL).scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build()).build());
    }

    @Bean
    UserDetailsService people() {
        return new InMemoryUserDetailsManager(ACCOUNTS.keySet().stream()
                .map(name -> User.withUsername(name).password("{noop}" + PASSWORD).roles("USER").build()).toList());
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> emailInTheIdToken() {
        return context -> {
            if ("id_token".equals(context.getTokenType().getValue())) {
                Account account = ACCOUNTS.get(context.getPrincipal().getName());
                context.getClaims().claim("email", account.email()).claim("email_verified", account.verified());
            }
        };
    }
}
