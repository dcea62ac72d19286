package org.workhealth.performance;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;
import org.workhealth.SignIn;
import org.workhealth.browser.BrowserTest;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** The funnel and equality pages in a browser, checked with axe-core, by URL until the dashboard links them. */
class FunnelAndEqualityBrowserTest extends BrowserTest {

    @Test
    void aCommissionerReadsTheFunnelAndTheEqualityBreakdownForOneOrganisation() {
        signIn(SignIn.GM_COMMISSIONER, SignIn.DEMO_PASSWORD);
        open("/performance/WW/2025/funnel");
        assertThat(page.locator("h1")).hasText("WorkWell referral funnel, 2025/26");
        assertThat(page.locator("svg#funnel-chart")).hasAttribute("role", "img");

        page.getByLabel("Organisation").selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel("Bury Council Live Well service"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show figures")).click();
        assertAccessible();
        assertThat(page.locator(".govuk-caption-l")).hasText("Bury Council Live Well service");
        assertThat(page.locator("#funnel-response")).containsText("referrals received this year");

        // The response-time figure leads to its quarters and the late referrals, for the same organisation.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Responses by quarter and the late ones"))
                .click();
        assertThat(page.locator("h1")).hasText("WorkWell responses within 2 working days, 2025/26");
        assertThat(page.locator(".govuk-caption-l")).hasText("Bury Council Live Well service");
        assertThat(page.locator("#response-quarters tbody tr")).hasCount(5);
        assertAccessible();

        open("/performance/WW/2025/equality");
        assertThat(page.locator("h1")).hasText("WorkWell equality monitoring, 2025/26");
        assertThat(page.locator("table caption")).hasCount(5);
    }
}
