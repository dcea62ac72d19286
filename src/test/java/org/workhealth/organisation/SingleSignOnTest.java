package org.workhealth.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import testidp.TestIdentityProvider;

/**
 * Signing in with an organisation's own account, against a real OpenID provider (Spring Authorization Server)
 * running beside the service: the authorization code flow end to end over HTTP, ID token signature and all.
 * Someone is signed in only when the provider vouches for a verified email of an account of its organisation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class SingleSignOnTest {

    private static final int PORT = freePort();
    private static final int IDP_PORT = freePort();
    private static ConfigurableApplicationContext identityProvider;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void singleSignOnWithTheTestProvider(DynamicPropertyRegistry registry) {
        identityProvider = TestIdentityProvider.start(IDP_PORT,
                "http://localhost:" + PORT + "/login/oauth2/code/bury");
        registry.add("server.port", () -> PORT);
        registry.add("spring.security.oauth2.client.registration.bury.client-id", () -> TestIdentityProvider.CLIENT_ID);
        registry.add("spring.security.oauth2.client.registration.bury.client-secret",
                () -> TestIdentityProvider.CLIENT_SECRET);
        registry.add("spring.security.oauth2.client.registration.bury.scope", () -> "openid,email,profile");
        registry.add("spring.security.oauth2.client.provider.bury.issuer-uri", () -> "http://127.0.0.1:" + IDP_PORT);
        registry.add("workhealth.single-sign-on.providers.bury.organisation", () -> "Bury Council Live Well service");
        registry.add("workhealth.single-sign-on.providers.bury.email-domains", () -> "bury.workhealth.example");
    }

    @AfterAll
    static void stopTheProvider() {
        if (identityProvider != null) {
            identityProvider.close();
        }
    }

    @Test
    void theCoachSignsInWithTheirOrganisationsAccountAndHasTheirRolesHere() throws Exception {
        HttpClient browser = browser();
        Document signIn = get(browser, "/sign-in");
        assertThat(signIn.select("#single-sign-on ~ ul a").eachText())
                .containsExactly("Sign in with your Bury Council Live Well service account");

        Document home = signInAtTheProvider(browser, "coach");
        assertThat(home.location()).endsWith("/home");
        assertThat(home.text()).contains("Sign out");
        // Their roles are the service's: the coach reaches the triage queue, not the audit log.
        assertThat(status(browser, "/triage")).isEqualTo(200);
        assertThat(status(browser, "/audit")).isEqualTo(403);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'SIGN_IN' AND actor_email = ?")
                .param("coach@bury.workhealth.example").query(Long.class).single()).isPositive();
    }

    @Test
    void nobodyIsSignedInWithoutAnAccountAVerifiedEmailOrADomainTheProviderVouchesFor() throws Exception {
        for (String user : new String[] {"stranger", "coach-unverified", "oldham-coach"}) {
            HttpClient browser = browser();
            Document refused = signInAtTheProvider(browser, user);
            assertThat(refused.location()).as(user).contains("/sign-in");
            assertThat(refused.select(".govuk-error-summary").text()).as(user)
                    .contains("You cannot sign in with your organisation's account");
            assertThat(status(browser, "/home")).as(user).isEqualTo(302);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'SIGN_IN_REFUSED' AND actor_email = ?")
                .param("stranger@bury.workhealth.example").query(Long.class).single()).isPositive();
    }

    /** Follows the link to the provider, signs in on its own page, and comes back to wherever the service sends. */
    private Document signInAtTheProvider(HttpClient browser, String user) throws Exception {
        HttpResponse<String> providerLogin = browser.send(page(
                URI.create("http://localhost:" + PORT + "/oauth2/authorization/bury")).build(),
                HttpResponse.BodyHandlers.ofString());
        Document form = Jsoup.parse(providerLogin.body(), providerLogin.uri().toString());
        assertThat(providerLogin.uri().getPort()).isEqualTo(IDP_PORT);
        String csrf = form.select("input[name=_csrf]").val();
        String body = "username=" + user + "&password=" + TestIdentityProvider.PASSWORD + "&_csrf="
                + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        HttpResponse<String> back = browser.send(page(URI.create(form.select("form").first()
                .absUrl("action"))).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return Jsoup.parse(back.body(), back.uri().toString());
    }

    /** A browser asks for pages: the provider sends such a request to its sign-in page, not a 401. */
    private static HttpRequest.Builder page(URI uri) {
        return HttpRequest.newBuilder(uri).header("Accept", "text/html");
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    private static Document get(HttpClient browser, String path) throws Exception {
        HttpResponse<String> response = browser.send(page(
                URI.create("http://localhost:" + PORT + path)).build(), HttpResponse.BodyHandlers.ofString());
        return Jsoup.parse(response.body(), response.uri().toString());
    }

    private static int status(HttpClient browser, String path) throws Exception {
        HttpClient noRedirects = HttpClient.newBuilder().cookieHandler(browser.cookieHandler().orElseThrow())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        return noRedirects.send(page(URI.create("http://localhost:" + PORT + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
