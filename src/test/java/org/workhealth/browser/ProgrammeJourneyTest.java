package org.workhealth.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.workhealth.SignIn;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** A commissioner adds a cohort and a delivery contract to their programme. */
class ProgrammeJourneyTest extends BrowserTest {

    @Test
    void aCommissionerAddsACohortAndAContract() {
        signIn(SignIn.WMCA_COMMISSIONER, SignIn.DEMO_PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Programmes").setExact(true)).first().click();
        assertAccessible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Thrive into Work")).click();
        assertAccessible();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a cohort")).click();
        assertAccessible();
        String code = "P" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        page.getByLabel("Code").fill(code);
        page.getByLabel("Name").fill("Pilot: young people leaving care");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add cohort")).click();
        assertAccessible();
        assertThat(page.locator(".govuk-notification-banner")).containsText("Cohort added");
        assertThat(page.locator("body")).containsText("Pilot: young people leaving care");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a contract")).click();
        assertAccessible();
        String reference = "TIW-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        page.getByLabel("Reference").fill(reference);
        page.getByLabel("Area").fill("Walsall");
        page.locator("#startsOn-day").fill("1");
        page.locator("#startsOn-month").fill("4");
        page.locator("#startsOn-year").fill("2026");
        page.locator("#endsOn-day").fill("31");
        page.locator("#endsOn-month").fill("2");
        page.locator("#endsOn-year").fill("2027");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add contract")).click();
        assertAccessible();
        assertThat(page.locator(".govuk-error-summary")).containsText("must be a real date");
        assertThat(page.getByLabel("Area")).hasValue("Walsall");

        page.locator("#endsOn-day").fill("31");
        page.locator("#endsOn-month").fill("3");
        page.locator("#endsOn-year").fill("2027");
        page.getByLabel("Value").fill("250,000.50");
        page.getByLabel("Provider").selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel("Shaw Trust"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add contract")).click();
        assertAccessible();
        assertThat(page.locator("body")).containsText(reference);
        assertThat(page.locator("body")).containsText("£250,000.50");
        assertThat(page.locator("body")).containsText("31 March 2027");
    }
}
