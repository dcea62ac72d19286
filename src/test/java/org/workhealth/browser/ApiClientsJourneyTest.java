package org.workhealth.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.workhealth.SignIn;
import org.workhealth.TestData;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;

/**
 * A hub administrator adds an API client for a provider (answers with an error first, then check answers), copies
 * the token shown once, and revokes the client; the API's documentation page loads within the Content Security
 * Policy. Every page passes axe-core.
 */
class ApiClientsJourneyTest extends BrowserTest {

    @Test
    void anAdministratorAddsAClientCopiesItsTokenAndRevokesIt() {
        signIn(SignIn.GM_ADMIN, SignIn.DEMO_PASSWORD);
        click(AriaRole.LINK, "API clients");
        assertThat(page.locator("h1")).hasText("API clients");
        click(AriaRole.BUTTON, "Add an API client");
        assertThat(page.locator("h1")).hasText("Add an API client");

        String name = "Bury Power BI " + TestData.letters(5);
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(name);
        click(AriaRole.BUTTON, "Continue");
        assertThat(page.locator(".govuk-error-summary")).containsText("Select the organisation the client acts for");
        assertThat(page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true))).hasValue(name);

        page.getByLabel("Organisation").selectOption(new SelectOption().setLabel(TestData.BURY_LIVE_WELL));
        page.getByLabel("figures.read").check();
        LocalDate expires = TestData.today().plusMonths(6);
        page.getByLabel("Day").fill(String.valueOf(expires.getDayOfMonth()));
        page.getByLabel("Month").fill(String.valueOf(expires.getMonthValue()));
        page.getByLabel("Year").fill(String.valueOf(expires.getYear()));
        click(AriaRole.BUTTON, "Continue");
        assertThat(page.locator("h1")).hasText("Check the API client before adding it");
        click(AriaRole.BUTTON, "Add the client");
        assertThat(page.locator("h1")).hasText("API client added");
        assertThat(page.locator("main")).containsText("Copy the token now");
        assertThat(page.locator("#token")).containsText("whc_");

        click(AriaRole.LINK, "Back to API clients");
        assertThat(page.locator("main")).containsText(name);
        click(AriaRole.LINK, "Revoke " + name);
        assertThat(page.locator("h1")).hasText("Are you sure you want to revoke " + name + "?");
        click(AriaRole.BUTTON, "Revoke client");
        assertThat(page.locator(".govuk-notification-banner")).containsText("revoked");
        assertThat(page.locator("main")).containsText("Revoked");
    }

    @Test
    void theApiDocumentationLoadsWithinTheContentSecurityPolicy() {
        List<String> refused = new ArrayList<>();
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                refused.add(message.text());
            }
        });
        page.navigate(url("/api-docs"));
        assertThat(page.locator(".swagger-ui .info .title")).containsText("WorkHealth API");
        assertThat(page.locator("#swagger-ui")).containsText("/api/v1/referrals");
        org.assertj.core.api.Assertions.assertThat(refused).isEmpty();
    }
}
