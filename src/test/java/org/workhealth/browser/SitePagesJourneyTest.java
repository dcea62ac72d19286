package org.workhealth.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.workhealth.SignIn;

/**
 * The pages every service has, reached the way a person reaches them: from the footer, and from the
 * start page to the self-referral form. axe-core checks every page on the way, and the manager's
 * navigation leads to caseloads and overdue reviews.
 */
class SitePagesJourneyTest extends BrowserTest {

    @Test
    void theFooterAndStartPageLeadToAccessiblePages() {
        open("/");
        click(AriaRole.LINK, "Privacy notice");
        assertThat(page.locator("h1")).hasText("Privacy notice");
        click(AriaRole.LINK, "Accessibility statement");
        assertThat(page.locator("h1")).hasText("Accessibility statement for WorkHealth");
        click(AriaRole.LINK, "Cookies");
        open("/");
        click(AriaRole.LINK, "refer yourself for support");
        assertThat(page.locator("h1")).hasText("Get support with work and health");
    }

    @Test
    void aManagerReachesCaseloadsAndOverdueReviewsFromTheNavigation() {
        signIn(SignIn.BURY_MANAGER, SignIn.DEMO_PASSWORD);
        click(AriaRole.LINK, "Caseloads");
        assertThat(page.locator("h1")).hasText("Caseloads");
        click(AriaRole.LINK, "Overdue reviews");
        assertThat(page.locator("h1")).containsText("Overdue reviews");
    }
}
