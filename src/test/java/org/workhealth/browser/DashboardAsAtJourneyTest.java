package org.workhealth.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;
import org.workhealth.SignIn;

import com.microsoft.playwright.options.AriaRole;

/**
 * The demo's Thrive into Work 2023/24 dashboard drawn as at the end of the third quarter, as the board saw it,
 * after a date that is no date; axe-core on the page with the error and with the table.
 */
class DashboardAsAtJourneyTest extends BrowserTest {

    @Test
    void aCommissionerDrawsTheDashboardAsAtTheEndOfTheThirdQuarter() {
        signIn(SignIn.WMCA_COMMISSIONER, SignIn.DEMO_PASSWORD);
        open("/performance/TIW/2023");

        page.locator("#asAt-day").fill("31");
        page.locator("#asAt-month").fill("2");
        page.locator("#asAt-year").fill("2024");
        click(AriaRole.BUTTON, "Show figures");
        assertThat(page.locator(".govuk-error-summary")).containsText("Figures as at must be a real date");
        assertThat(page.locator("#asAt-day")).hasValue("31");
        assertAccessible();

        page.locator("#asAt-day").fill("31");
        page.locator("#asAt-month").fill("12");
        page.locator("#asAt-year").fill("2023");
        click(AriaRole.BUTTON, "Show figures");
        assertThat(page.locator(".govuk-error-summary")).hasCount(0);
        assertThat(page.locator("#as-at")).containsText("Figures as at 31 December 2023");
        assertThat(page.locator("tr[data-kpi=NEW_STARTS] td[data-column=q3-actual]")).containsText("+99 Red");
        assertThat(page.locator("tr[data-kpi=NEW_STARTS] td[data-column=q4-actual]")).hasText("Not started");
        assertAccessible();
    }
}
