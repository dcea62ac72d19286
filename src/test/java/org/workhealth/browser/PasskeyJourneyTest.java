package org.workhealth.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;

import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.workhealth.SignIn;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.options.AriaRole;

/**
 * A coach with an authenticator app adds a passkey (Chromium's virtual authenticator, through the DevTools
 * protocol, plays the phone or laptop), signs out, and signs in with their password and the passkey. Passkeys
 * are tied to the address the browser reports, so the service runs on a port chosen before it starts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = "workhealth.mfa.required=personal-data")
class PasskeyJourneyTest extends BrowserTest {

    private static final Duration STEP = Duration.ofSeconds(30);
    private static final int PORT = freePort();

    @DynamicPropertySource
    static void servePasskeysHere(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("workhealth.passkeys.allowed-origins", () -> "http://localhost:" + PORT);
    }

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void forgetEverySecondFactor() {
        jdbc.sql("DELETE FROM user_credentials").update();
        jdbc.sql("DELETE FROM user_entities").update();
        jdbc.sql("DELETE FROM mfa_recovery_code").update();
        jdbc.sql("DELETE FROM mfa_totp").update();
    }

    @Test
    void aCoachAddsAPasskeySignsOutAndSignsInWithPasswordAndPasskey() throws Exception {
        CDPSession devTools = page.context().newCDPSession(page);
        devTools.send("WebAuthn.enable");
        JsonObject options = new JsonObject();
        options.addProperty("protocol", "ctap2");
        options.addProperty("transport", "internal");
        options.addProperty("hasResidentKey", true);
        options.addProperty("hasUserVerification", true);
        options.addProperty("isUserVerified", true);
        options.addProperty("automaticPresenceSimulation", true);
        JsonObject authenticator = new JsonObject();
        authenticator.add("options", options);
        devTools.send("WebAuthn.addVirtualAuthenticator", authenticator);

        signIn(SignIn.BURY_COACH, SignIn.DEMO_PASSWORD);
        String key = page.locator("#secret").innerText().replace(" ", "");
        page.getByLabel("Code").fill(code(key, 0));
        click(AriaRole.BUTTON, "Set up");
        click(AriaRole.BUTTON, "Continue");
        assertThat(page.locator("h1")).hasText("Multi-factor authentication");
        assertThat(page.locator("#no-passkeys")).isVisible();
        assertThat(page.locator("#passkey-error-summary")).isHidden();
        assertThat(page.locator("#passkeys-unsupported")).isHidden();

        page.getByLabel("Name for a new passkey").fill("");
        page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Add a passkey"))
                .click();
        assertThat(page.locator("#passkey-error-summary")).containsText("Enter a name for the passkey");
        assertAccessible();

        page.getByLabel("Name for a new passkey").fill("Work laptop");
        click(AriaRole.BUTTON, "Add a passkey");
        assertThat(page.locator(".govuk-notification-banner")).containsText("Passkey added");
        assertThat(page.locator(".govuk-table")).containsText("Work laptop");

        click(AriaRole.BUTTON, "Sign out");
        signIn(SignIn.BURY_COACH, SignIn.DEMO_PASSWORD);
        assertThat(page.locator("h1")).hasText("Enter the code from your authenticator app");
        assertThat(page.locator("#passkey-error-summary")).isHidden();
        click(AriaRole.BUTTON, "Use a passkey");
        assertThat(page.locator("h1")).containsText("Welcome");
        open("/cases");
        assertThat(page.locator("h1")).not().hasText("Enter the code from your authenticator app");
    }

    /** What an authenticator app shows, {@code stepsAhead} 30-second steps from now. */
    private static String code(String key, int stepsAhead) throws Exception {
        TimeBasedOneTimePasswordGenerator totp = new TimeBasedOneTimePasswordGenerator(STEP, 6);
        int code = totp.generateOneTimePassword(new SecretKeySpec(new Base32().decode(key), totp.getAlgorithm()),
                Instant.now().plus(STEP.multipliedBy(stepsAhead)));
        return String.format("%06d", code);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
