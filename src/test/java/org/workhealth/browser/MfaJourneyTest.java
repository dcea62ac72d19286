package org.workhealth.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.workhealth.SignIn;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import com.microsoft.playwright.options.AriaRole;

/**
 * A coach, who must use multi-factor authentication, is taken to set it up after their password, adds the
 * service to an authenticator app (played here by java-otp reading the key on the page), keeps their recovery
 * codes, signs out, and signs in again with a password and a code.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "workhealth.mfa.required=personal-data", BrowserTest.SESSIONS_IN_DATABASE })
class MfaJourneyTest extends BrowserTest {

    private static final Duration STEP = Duration.ofSeconds(30);

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void forgetTheApp() {
        jdbc.sql("DELETE FROM mfa_recovery_code").update();
        jdbc.sql("DELETE FROM mfa_totp").update();
    }

    @Test
    void aCoachSetsUpAnAuthenticatorAppSignsOutAndSignsInWithACode() throws Exception {
        signIn(SignIn.BURY_COACH, SignIn.DEMO_PASSWORD);
        assertThat(page.locator("h1")).hasText("Set up multi-factor authentication");
        assertThat(page.getByRole(AriaRole.IMG)).hasAttribute("alt",
                java.util.regex.Pattern.compile("QR code"));
        String key = page.locator("#secret").innerText().replace(" ", "");

        page.getByLabel("Code").fill("000000".equals(code(key, 0)) ? "111111" : "000000");
        click(AriaRole.BUTTON, "Set up");
        assertThat(page.locator(".govuk-error-summary")).containsText("Enter the 6-digit code");
        assertThat(page).hasTitle(java.util.regex.Pattern.compile("^Error: Set up multi-factor authentication"));

        page.getByLabel("Code").fill(code(key, 0));
        click(AriaRole.BUTTON, "Set up");
        assertThat(page.locator("h1")).hasText("Your recovery codes");
        assertThat(page.locator(".app-recovery-codes li")).hasCount(10);

        click(AriaRole.BUTTON, "Continue");
        assertThat(page.locator("h1")).hasText("Multi-factor authentication");
        assertThat(page.locator(".govuk-summary-list")).containsText("10 of 10");

        click(AriaRole.BUTTON, "Sign out");
        assertThat(page.locator(".govuk-notification-banner")).containsText("You have signed out");

        signIn(SignIn.BURY_COACH, SignIn.DEMO_PASSWORD);
        assertThat(page.locator("h1")).hasText("Enter the code from your authenticator app");
        // The code used to set up may not be used again: the app's next one is.
        page.getByLabel("Code").fill(code(key, 1));
        click(AriaRole.BUTTON, "Continue");
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

}
