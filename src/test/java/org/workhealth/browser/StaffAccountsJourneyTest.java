package org.workhealth.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.workhealth.SignIn;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** Sign in; an administrator creates a person; that person signs in and changes their password. */
class StaffAccountsJourneyTest extends BrowserTest {

    @Test
    void anAdministratorCreatesAPersonWhoSignsInAndChangesTheirPassword() {
        open("/");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();

        signIn(SignIn.GM_ADMIN, "wrong password entirely");
        assertThat(page.locator(".govuk-error-summary")).containsText("Enter a correct email address and password");
        assertThat(page).hasTitle("Error: Sign in – WorkHealth");

        signIn(SignIn.GM_ADMIN, SignIn.DEMO_PASSWORD);
        assertThat(page.locator("h1")).hasText("Welcome, Leah Turner");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("People").setExact(true)).first().click();
        assertAccessible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a person")).click();
        assertAccessible();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add person")).click();
        assertAccessible();
        assertThat(page.locator(".govuk-error-summary")).containsText("Enter the person's full name");
        page.locator(".govuk-error-summary a", new Page.LocatorOptions().setHasText("Enter an email address")).click();
        assertThat(page.getByLabel("Email address")).isFocused();

        String email = "ruth-" + UUID.randomUUID().toString().substring(0, 8) + "@bury.example";
        page.getByLabel("Full name").fill("Ruth Mensah");
        page.getByLabel("Email address").fill(email);
        page.getByLabel("Organisation").selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel("Bury Council Live Well service (Delivery provider)"));
        page.getByLabel("Practitioner").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add person")).click();
        assertAccessible();
        assertThat(page.locator("h1")).hasText("Ruth Mensah");
        String temporary = page.locator(".govuk-panel__body").innerText().strip();
        assertThat(temporary).hasSize(19);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        assertThat(page.locator(".govuk-notification-banner")).containsText("You have signed out");
        assertAccessible();

        signIn(email, temporary);
        assertThat(page.locator("h1")).hasText("Change your password");
        page.getByLabel("Current password").fill(temporary);
        page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill("too short");
        page.getByLabel("Confirm new password").fill("too short");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change password")).click();
        assertAccessible();
        assertThat(page.locator(".govuk-error-summary")).containsText("Password must be 12 characters or more");

        page.getByLabel("Current password").fill(temporary);
        page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill("paper lantern orchard");
        page.getByLabel("Confirm new password").fill("paper lantern orchard");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change password")).click();
        assertAccessible();
        assertThat(page.locator(".govuk-notification-banner")).containsText("Your password has been changed");
        assertThat(page.locator(".govuk-summary-list")).containsText(email);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        signIn(email, "paper lantern orchard");
        assertThat(page.locator("h1")).hasText("Welcome, Ruth Mensah");
    }

    @Test
    void everyPageAnAdministratorUsesIsAccessible() {
        signIn(SignIn.NATIONAL_ADMIN, SignIn.DEMO_PASSWORD);
        for (String path : new String[] {"/home", "/account", "/account/password", "/organisations",
                "/organisations/new", "/people", "/audit", "/accessibility", "/cookies", "/no-such-page"}) {
            open(path);
        }
        page.navigate(url("/organisations"));
        page.locator("table a").first().click();
        assertAccessible();
        page.navigate(url("/people"));
        page.locator("table a").first().click();
        assertAccessible();
    }
}
