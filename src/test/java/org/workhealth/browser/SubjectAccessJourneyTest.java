package org.workhealth.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.workhealth.SignIn;
import org.workhealth.casework.Casework;
import org.workhealth.referral.internal.ReferralIntake;
import org.workhealth.subjectaccess.SubjectCases;

import com.microsoft.playwright.options.AriaRole;

/**
 * A provider manager answers a subject access request: finds the person by NHS number after a mistyped one, sees
 * everything held about them and downloads it as JSON and as a PDF. Every page passes axe-core.
 */
class SubjectAccessJourneyTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReferralIntake intake;

    @Autowired
    Casework casework;

    @Test
    void aManagerFindsAPersonAndDownloadsWhatIsHeldAboutThem() {
        SubjectCases.Person person = new SubjectCases(jdbc, intake, casework).referWithACaseAtBury();
        signIn(SignIn.BURY_MANAGER, SignIn.DEMO_PASSWORD);
        click(AriaRole.LINK, "Subject access");

        page.getByLabel("NHS number").fill("123 456");
        click(AriaRole.BUTTON, "Search");
        assertThat(page.locator(".govuk-error-summary")).containsText("NHS number must be 10 digits");

        String nhs = person.nhsNumber();
        page.getByLabel("NHS number").fill(nhs.substring(0, 3) + " " + nhs.substring(3, 6) + " " + nhs.substring(6));
        click(AriaRole.BUTTON, "Search");
        assertThat(page.locator("#results tbody tr")).hasCount(1);
        page.waitForNavigation(() -> page.locator("#results tbody a").first().click());
        assertAccessible();
        assertThat(page.locator("h1")).hasText("Records held about Robin " + person.lastName());
        assertThat(page.locator("main")).containsText("Talked about volunteering first");

        String json = new String(download("Download everything held as JSON"), StandardCharsets.UTF_8);
        assertThat(json).contains("\"last_name\":\"" + person.lastName() + "\"");
        byte[] pdf = download("Download everything held as a PDF");
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }
}
