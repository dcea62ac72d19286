package org.workhealth.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;
import org.workhealth.SignIn;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** A provider manager stops the optional emails of their role, then chooses one back; every page accessible. */
class AccountEmailsJourneyTest extends BrowserTest {

    @Test
    void aManagerChoosesWhichOptionalEmailsTheyGet() {
        signIn("manager@oldham.workhealth.example", SignIn.DEMO_PASSWORD);
        open("/account");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Change which emails you get")).click();
        assertAccessible();
        assertThat(page.locator("h1")).hasText("Emails you get");
        page.getByLabel("Referrals nearing or past their deadline").uncheck();
        page.getByLabel("Returns and claims due soon").uncheck();
        click("Save");
        assertAccessible();
        assertThat(page.locator(".govuk-notification-banner")).containsText("Your email choices are saved.");
        assertThat(page.locator(".govuk-summary-list"))
                .containsText("Only those you need to act on; none of the optional ones");

        open("/account/messages");
        assertThat(page.getByLabel("Referrals nearing or past their deadline")).not().isChecked();
        page.getByLabel("Referrals nearing or past their deadline").check();
        page.getByLabel("Returns and claims due soon").check();
        click("Save");
        assertThat(page.locator(".govuk-summary-list")).containsText(
                "Those you need to act on, and: Referrals nearing or past their deadline; Returns and claims due soon");
    }

    private void click(String name) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true)).first().click();
    }
}
