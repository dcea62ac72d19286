package org.workhealth.performance;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;
import org.workhealth.SignIn;
import org.workhealth.browser.BrowserTest;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;

/** The board report journey in a browser, every page checked with axe-core. */
class BoardReportBrowserTest extends BrowserTest {

    @Test
    void aCommissionerChoosesProgrammesAndAQuarterAndReadsTheReport() {
        signIn(SignIn.WMCA_COMMISSIONER, SignIn.DEMO_PASSWORD);
        open("/performance/reports");
        assertThat(page.locator("h1")).hasText("Board report");

        // Nothing chosen: the error summary, itself accessible.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show report")).click();
        assertThat(page.locator(".govuk-error-summary")).containsText("Select at least one programme");
        assertAccessible();

        page.getByLabel("Thrive into Work").check();
        page.getByLabel("Up to the end of which quarter?").selectOption(new SelectOption().setValue("2025-Q2"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show report")).click();
        assertThat(page.locator("h1")).hasText("KPIs to the end of 2025/26 Q2 (July to September 2025)");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/performance/reports/board\\?programme=TIW&quarter=2025-Q2$"));
        assertThat(page.locator("section[data-programme=TIW] table")).hasCount(1);
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download as PDF")))
                .hasAttribute("href", "/performance/reports/board.pdf?programme=TIW&quarter=2025-Q2");
        assertAccessible();
    }
}
