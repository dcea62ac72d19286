package org.workhealth.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.workhealth.SignIn;
import org.workhealth.funding.FundingAgreements;
import org.workhealth.funding.FundingYear;
import org.workhealth.funding.NewFundingAgreement;
import org.workhealth.funding.PaymentModel;
import org.workhealth.milestone.MilestoneType;
import org.workhealth.organisation.Organisations;
import org.workhealth.programme.Contract;
import org.workhealth.programme.NewContract;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;
import org.workhealth.programme.SupportType;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;

/**
 * Issue 13's journey: the coach records a job start; the quarter's claim pays for it and is approved; the coach
 * then finds the job start was recorded in error and withdraws it from the case page, giving a reason; the case
 * shows it as withdrawn and the next quarter's claim takes the payment back. axe-core checks every page.
 */
class CorrectionJourneyTest extends BrowserTest {

    private static final long JOB_START_PRICE = 500_00;

    private final Programmes programmes;
    private final Organisations organisations;
    private final FundingAgreements agreements;
    private final JourneyCases cases;

    @Autowired
    CorrectionJourneyTest(Programmes programmes, Organisations organisations, FundingAgreements agreements,
            JourneyCases cases) {
        this.programmes = programmes;
        this.organisations = organisations;
        this.agreements = agreements;
        this.cases = cases;
    }

    @Test
    void aJobStartPaidInAnApprovedClaimIsWithdrawnAndTakenBackInTheNextClaim() {
        String code = "CJ" + UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase();
        long gm = organisations.findByName("NHS Greater Manchester").orElseThrow().id();
        long bury = organisations.findByName("Bury Council Live Well service").orElseThrow().id();
        Programme programme = programmes.createUnchecked(code, "Work and health " + code, SupportType.LOW_INTENSITY,
                null, gm);
        Contract contract = programmes.addContractUnchecked(new NewContract(code + "-BURY", programme.id(), bury, gm,
                "Bury", LocalDate.of(2025, 4, 1), LocalDate.of(2026, 3, 31), null));
        long agreement = agreements.createUnchecked(new NewFundingAgreement(contract.id(),
                PaymentModel.BLOCK_AND_RESULTS, 90, null, List.of(new FundingYear(2025, 10_000_000L, 0)),
                Map.of(MilestoneType.JOB_START, JOB_START_PRICE)));
        long caseId = cases.open(programme.id(), bury, LocalDate.of(2025, 4, 22));
        String q1 = "/funding/agreements/" + agreement + "/claims/2025/1";

        // The coach records the job start on the case.
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

        // The manager claims Q1, which pays for it, and the commissioner approves the claim.
        switchTo(SignIn.BURY_MANAGER);
        open(q1);
        assertThat(page.locator("table[data-kind=RESULT] td[data-column=amount]")).hasText("£500.00");
        click(AriaRole.BUTTON, "Submit claim");
        switchTo(SignIn.GM_COMMISSIONER);
        open(q1);
        click(AriaRole.BUTTON, "Approve claim");
        assertThat(page.locator("#status")).hasText("Approved");

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
        open(q1);
        assertThat(page.locator("table[data-kind=RESULT] td[data-column=amount]")).hasText("£500.00");
        open("/funding/agreements/" + agreement + "/claims/2025/2");
        Locator adjustment = page.locator("table[data-kind=ADJUSTMENT] tbody tr").first();
        assertThat(adjustment).containsText("Taken back from the approved claim for Q1 2025/26");
        assertThat(adjustment.locator("td[data-column=amount]")).hasText("\u2212£500.00");
        assertAccessible();
    }
}
