package org.workhealth.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;

/**
 * Thrive at Work: an employer signs up on the public form (answering one page wrongly first), an advisor finds it
 * in the queue and confirms it, and the wellbeing lead signs in with the temporary password, chooses their own and
 * lands on their employer's page. Every page is checked with axe.
 */
class EmployerSignUpJourneyTest extends BrowserTest {

    @Test
    void anEmployerSignsUpAnAdvisorConfirmsAndTheWellbeingLeadSignsIn() {
        String name = "Stourbridge Glass Studio " + UUID.randomUUID().toString().substring(0, 6);
        String email = "lead-" + UUID.randomUUID().toString().substring(0, 8) + "@stourbridge.example";

        open("/thrive-at-work/sign-up");
        click(AriaRole.BUTTON, "Start now");
        page.getByLabel("Organisation name").fill(name);
        page.getByLabel("Companies House number (optional)").fill("1234");
        click(AriaRole.BUTTON, "Continue");
        assertThat(page.locator(".govuk-error-summary")).containsText("Enter a Companies House number of 8 characters");
        assertThat(page.getByLabel("Organisation name")).hasValue(name);
        page.getByLabel("Companies House number (optional)").fill("09876543");
        click(AriaRole.BUTTON, "Continue");
        page.getByLabel("Manufacturing").check();
        click(AriaRole.BUTTON, "Continue");
        page.getByLabel("How many people does your organisation employ?").fill("38");
        click(AriaRole.BUTTON, "Continue");
        page.locator("#siteName-1").fill("Studio");
        page.locator("#sitePostcode-1").fill("DY8 4AZ");
        page.locator("#siteAuthority-1").selectOption(new SelectOption().setLabel("Dudley"));
        click(AriaRole.BUTTON, "Continue");
        page.getByLabel("Full name").fill("Priya Kaur");
        page.getByLabel("Email address").fill(email);
        page.getByLabel("Phone number (optional)").fill("01384 496 000");
        click(AriaRole.BUTTON, "Continue");
        page.getByLabel("I agree to be contacted about Thrive at Work").check();
        click(AriaRole.BUTTON, "Continue");
        assertThat(page.locator("h1")).hasText("Check your answers before sending the sign-up");
        assertThat(page.locator("main")).containsText("DY8 4AZ, Dudley");
        click(AriaRole.BUTTON, "Send sign-up");
        assertThat(page.locator(".govuk-panel")).containsText("TAW-");

        context.clearCookies();
        signIn("advisor@wmca.workhealth.example", org.workhealth.SignIn.DEMO_PASSWORD);
        click(AriaRole.LINK, "Employers");
        click(AriaRole.LINK, "Sign-ups and diagnostic referrals waiting for confirmation");
        click(AriaRole.LINK, name);
        assertThat(page.locator("main")).containsText(email);
        click(AriaRole.LINK, "Confirm or decline the sign-up");
        click(AriaRole.BUTTON, "Save decision");
        assertThat(page.locator(".govuk-error-summary")).containsText("Select whether to confirm or decline");
        page.getByLabel("Confirm the sign-up").check();
        click(AriaRole.BUTTON, "Save decision");
        assertThat(page.locator(".govuk-notification-banner")).containsText("Sign-up confirmed");
        String temporary = page.locator(".govuk-panel__body").innerText().strip();
        assertThat(temporary).hasSize(19);
        click(AriaRole.LINK, "Employers");

        context.clearCookies();
        signIn(email, temporary);
        assertThat(page.locator("h1")).hasText("Change your password");
        page.getByLabel("Current password").fill(temporary);
        page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill("glass studio lantern");
        page.getByLabel("Confirm new password").fill("glass studio lantern");
        click(AriaRole.BUTTON, "Change password");
        open("/home");
        assertThat(page.locator("h1")).hasText(name);
        assertThat(page.locator("main")).containsText("Your accreditation");
        click(AriaRole.LINK, "Add a site");
        click(AriaRole.LINK, "Back");
    }
}
