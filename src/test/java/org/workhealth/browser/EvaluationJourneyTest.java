package org.workhealth.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.workhealth.SignIn;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;

/** A commissioner records a data sharing agreement with the university; its evaluator downloads an extract. */
class EvaluationJourneyTest extends BrowserTest {

    private void date(String id, String day, String month, String year) {
        page.locator("#" + id + "-day").fill(day);
        page.locator("#" + id + "-month").fill(month);
        page.locator("#" + id + "-year").fill(year);
    }

    @Test
    void aCommissionerRecordsAnAgreementAndTheEvaluatorDownloadsAPseudonymisedExtract() throws Exception {
        signIn(SignIn.WMCA_COMMISSIONER, SignIn.DEMO_PASSWORD);
        click(AriaRole.LINK, "Evaluation");
        click(AriaRole.BUTTON, "Record a data sharing agreement");
        page.getByLabel("Evaluator organisation").selectOption(new SelectOption()
                .setLabel("University of Warwick evaluation team"));
        page.getByLabel("Name of the agreement").fill("Thrive into Work evaluation");
        page.getByLabel("Purpose").fill("Process and impact evaluation of IPS in primary care");
        page.getByLabel("Public task (Article 6(1)(e))").check();
        page.getByLabel("Programme", new Page.GetByLabelOptions().setExact(true)).selectOption(
                new SelectOption().setLabel("Thrive into Work"));
        page.getByLabel("Sex", new Page.GetByLabelOptions().setExact(true)).check();
        date("dataFrom", "1", "4", "2020");
        date("dataTo", "31", "3", String.valueOf(LocalDate.now().getYear() + 1));
        date("startsOn", "1", "1", "2025");
        // A missing end date is refused with the other answers kept
        page.getByLabel("Coarsened to the month (YYYY-MM)").check();
        click(AriaRole.BUTTON, "Continue");
        assertThat(page.locator(".govuk-error-summary")).isVisible();
        assertThat(page.getByLabel("Name of the agreement")).hasValue("Thrive into Work evaluation");
        date("endsOn", "31", "12", String.valueOf(LocalDate.now().getYear() + 1));
        click(AriaRole.BUTTON, "Continue");
        assertThat(page.locator("h1")).hasText("Check the agreement before recording it");
        click(AriaRole.BUTTON, "Record the agreement");
        assertThat(page.locator(".govuk-notification-banner")).containsText("Data sharing agreement recorded");
        String agreementPath = new java.net.URI(page.url()).getPath();

        switchTo("evaluator@workhealth.example");
        assertThat(page.locator("h1")).hasText("Evaluation");
        click(AriaRole.LINK, "Thrive into Work evaluation");
        Download download = page.waitForDownload(() -> page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Download the participant extract (CSV)")).click());
        String csv = new String(java.nio.file.Files.readAllBytes(download.path()), StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThat(csv).startsWith("pseudonym,sex\r\n")
                .doesNotContain("@").doesNotContain("Street");
        byte[] dictionary = download("Data dictionary (CSV)");
        org.assertj.core.api.Assertions.assertThat(new String(dictionary, StandardCharsets.UTF_8))
                .startsWith("field,label,meaning,type,codes,source");
        open(agreementPath);
        assertAccessible();
        assertThat(page.locator("table")).containsText("participants");
        click(AriaRole.BUTTON, "Reproduce extract");
        assertThat(page.locator(".govuk-notification-banner")).containsText("checksum matches");
    }
}
