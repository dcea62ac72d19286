package org.workhealth.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;
import org.workhealth.SignIn;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;

/**
 * A file over the server's 10 MB limit, posted for real (MockMvc never applies the limit), comes back to the page of
 * the form it was chosen on with the GOV.UK error on its file field, for every upload form the service has.
 */
class UploadTooLargeJourneyTest extends BrowserTest {

    /** Over the server's 10 MB file limit (evidence files may be that large), under its 11 MB request limit. */
    private static final byte[] TOO_LARGE = new byte[10 * 1024 * 1024 + 512 * 1024];

    @Test
    void anOversizedBankHolidaysFileShowsTheErrorOnTheBankHolidaysPage() {
        signIn(SignIn.NATIONAL_ADMIN, SignIn.DEMO_PASSWORD);
        open("/admin/bank-holidays");
        page.locator("#file").setInputFiles(new FilePayload("bank-holidays.json", "application/json", TOO_LARGE));
        upload("Upload file");
        assertThat(page).hasURL(url("/admin/bank-holidays?error=too-large"));
        assertThat(page.locator(".govuk-error-summary")).containsText("The selected file must be smaller than 10 MB");
        assertThat(page.locator("#file-error")).containsText("The selected file must be smaller than 10 MB");
        assertThat(page.locator("h1")).hasText("Bank holidays");
    }

    @Test
    void anOversizedReferralFileShowsTheErrorOnTheUploadPage() {
        signIn(SignIn.BURY_MANAGER, SignIn.DEMO_PASSWORD);
        open("/referrals/upload");
        page.locator("#file").setInputFiles(new FilePayload("referrals.csv", "text/csv", TOO_LARGE));
        upload("Check the file");
        assertThat(page).hasURL(url("/referrals/upload?error=too-large"));
        assertThat(page.locator(".govuk-error-summary")).containsText("The selected file must be smaller than 5 MB");
    }

    private void upload(String button) {
        page.waitForNavigation(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button))
                .click());
        assertAccessible();
    }
}
