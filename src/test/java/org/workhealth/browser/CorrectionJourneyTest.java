package org.workhealth.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.workhealth.SignIn;
import org.workhealth.funding.internal.PaymentModel;
import org.workhealth.milestone.MilestoneType;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;

/**
 * Issue 13's journeys: the coach records a job start and the quarter's claim pays for it and is approved. Then
 * either the coach finds it was recorded in error and withdraws it from the case page, giving a reason, and the next
 * quarter's claim takes the payment back; or the manager corrects its employer and date from the outcomes page, and
 * the next claim takes it back from the approved quarter and pays it in its own. axe-core checks every page.
 */
class CorrectionJourneyTest extends BrowserTest {

    private static final long JOB_START_PRICE = 500_00;

    private record Paid(JourneyCases.Funded funded, long caseId) {
    }

    private final JourneyCases cases;

    @Autowired
    CorrectionJourneyTest(JourneyCases cases) {
        this.cases = cases;
    }

    @Test
    void aJobStartPaidInAnApprovedClaimIsWithdrawnAndTakenBackInTheNextClaim() {
        Paid paid = paidJobStart();
        JourneyCases.Funded funded = paid.funded();
        long caseId = paid.caseId();

        // The coach learns it was recorded in error and withdraws it from the case page.
        switchTo(SignIn.BURY_COACH);
        open("/cases/" + caseId);
        click(AriaRole.LINK, "Correct the job start of 20 May 2025");
        click(AriaRole.BUTTON, "Continue");
        assertThat(page.locator(".govuk-error-summary")).containsText("Select what is wrong with the job start");
        page.getByLabel("It was recorded in error: withdraw it").check();
        page.getByLabel("Why is it being corrected?").fill("The job offer was withdrawn before they started");
        click(AriaRole.BUTTON, "Continue");
        assertThat(page.locator("h1")).hasText("Check your answers before correcting the milestone");
        assertThat(page.locator(".govuk-summary-list")).containsText("Withdraw it: it was recorded in error");
        click(AriaRole.BUTTON, "Withdraw the milestone");
        assertThat(page.locator(".govuk-notification-banner")).containsText("Job start of 20 May 2025 withdrawn");
        Locator timeline = page.locator("#timeline");
        assertThat(timeline).containsText("Job start (withdrawn)");
        assertThat(timeline).containsText("The job offer was withdrawn before they started");

        // The approved claim is unchanged; the next one takes the £500 back.
        switchTo(SignIn.BURY_MANAGER);
        assertTakenBackInQ2(funded);
        assertAccessible();
    }

    @Test
    void aJobStartsEmployerAndDateAreCorrectedAfterItsClaimWasApprovedAndTheNextClaimPaysItInItsQuarter() {
        Paid paid = paidJobStart();
        JourneyCases.Funded funded = paid.funded();
        long caseId = paid.caseId();

        // The manager finds the employer's name and the start date were wrong, and corrects the outcome.
        switchTo(SignIn.BURY_MANAGER);
        open("/cases/" + caseId + "/outcomes");
        click(AriaRole.LINK, "Correct the job start of 20 May 2025");
        assertThat(page.getByLabel("Employer")).hasValue("Bury Bakery Ltd");
        page.getByLabel("Employer").fill("");
        click(AriaRole.BUTTON, "Continue");
        assertThat(page.locator(".govuk-error-summary")).containsText("Enter the employer");
        assertThat(page.locator(".govuk-error-summary")).containsText("Enter why the job start is being corrected");
        assertThat(page.getByLabel("Job title")).hasValue("Baker");
        page.getByLabel("Employer").fill("Bury Bakery Co-operative");
        page.locator("#occurredOn-day").fill("8");
        page.locator("#occurredOn-month").fill("7");
        page.getByLabel("Why is it being corrected?").fill("The contract names the co-operative; they started in July");
        click(AriaRole.BUTTON, "Continue");
        assertThat(page.locator("h1")).hasText("Check your answers before correcting the outcome");
        assertThat(page.locator("#changes")).containsText("Was: Bury Bakery Ltd. Now: Bury Bakery Co-operative");
        assertThat(page.locator("#changes")).containsText("Was: 20 May 2025. Now: 8 July 2025");
        click(AriaRole.BUTTON, "Correct the outcome");
        assertThat(page.locator(".govuk-notification-banner")).containsText("Job start corrected");
        Locator timeline = page.locator("#timeline");
        assertThat(timeline).containsText("Job start (corrected)");
        assertThat(timeline).containsText("employer: Bury Bakery Ltd → Bury Bakery Co-operative");
        open("/cases/" + caseId + "/outcomes");
        assertThat(page.locator("#outcomes")).containsText("Baker at Bury Bakery Co-operative");
        assertThat(page.locator("#checks")).containsText("7 October 2025");

        // The approved Q1 claim is unchanged; Q2 takes the £500 back from it and pays the job start in Q2.
        assertTakenBackInQ2(funded);
        assertThat(page.locator("table[data-kind=RESULT] td[data-column=amount]")).hasText("£500.00");
        assertAccessible();
    }

    /** The approved Q1 claim still pays the £500; the Q2 claim's first adjustment takes it back. */
    private void assertTakenBackInQ2(JourneyCases.Funded funded) {
        open(funded.claim(1));
        assertThat(page.locator("table[data-kind=RESULT] td[data-column=amount]")).hasText("£500.00");
        open(funded.claim(2));
        Locator adjustment = page.locator("table[data-kind=ADJUSTMENT] tbody tr").first();
        assertThat(adjustment).containsText("Taken back from the approved claim for Q1 2025/26");
        assertThat(adjustment.locator("td[data-column=amount]")).hasText("\u2212£500.00");
    }

    /** The coach records a job start on 20 May 2025; the manager claims Q1, which pays for it; GM approves it. */
    private Paid paidJobStart() {
        JourneyCases.Funded funded = cases.funded("CJ", PaymentModel.BLOCK_AND_RESULTS, 90, null,
                Map.of(MilestoneType.JOB_START, JOB_START_PRICE));
        long caseId = cases.open(funded.programme().id(), funded.providerId(), LocalDate.of(2025, 4, 22));

        signIn(SignIn.BURY_COACH, SignIn.DEMO_PASSWORD);
        open("/cases/" + caseId + "/outcomes");
        click(AriaRole.LINK, "Record a job start");
        page.locator("#occurredOn-day").fill("20");
        page.locator("#occurredOn-month").fill("5");
        page.locator("#occurredOn-year").fill("2025");
        page.getByLabel("Employer").fill("Bury Bakery Ltd");
        page.getByLabel("Job title").fill("Baker");
        page.getByLabel("Sector").selectOption("C");
        page.getByLabel("Hours a week").fill("30");
        page.getByLabel("Permanent").check();
        page.getByLabel("Yes").check();
        click(AriaRole.BUTTON, "Save outcome");
        assertThat(page.locator(".govuk-notification-banner")).containsText("Job start recorded");

        switchTo(SignIn.BURY_MANAGER);
        open(funded.claim(1));
        assertThat(page.locator("table[data-kind=RESULT] td[data-column=amount]")).hasText("£500.00");
        click(AriaRole.BUTTON, "Submit claim");
        switchTo(SignIn.GM_COMMISSIONER);
        open(funded.claim(1));
        click(AriaRole.BUTTON, "Approve claim");
        assertThat(page.locator("#status")).hasText("Approved");
        return new Paid(funded, caseId);
    }
}
