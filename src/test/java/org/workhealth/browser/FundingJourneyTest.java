package org.workhealth.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.workhealth.SignIn;
import org.workhealth.funding.internal.PaymentModel;
import org.workhealth.milestone.MilestoneFilter;
import org.workhealth.milestone.MilestoneType;
import org.workhealth.milestone.Milestones;
import org.workhealth.milestone.NewMilestone;
import org.workhealth.programme.Contract;
import org.workhealth.programme.Programme;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;

/**
 * Issue 6's journey: the provider's manager enters expenditure and submits the quarter's claim; the
 * commissioner returns it with a reason; the manager adds to it and submits again; the commissioner approves it.
 * Then a participant's engagement is corrected into the next quarter: the approved claim stays as it was and the
 * next claim takes the payment back from it and pays it in its own quarter.
 */
class FundingJourneyTest extends BrowserTest {

    private static final LocalDate MAY_2025 = LocalDate.of(2025, 5, 6);

    private final Milestones milestones;
    private final JourneyCases cases;

    @Autowired
    FundingJourneyTest(Milestones milestones, JourneyCases cases) {
        this.milestones = milestones;
        this.cases = cases;
    }

    @Test
    void expenditureToApprovedClaimToAnAdjustmentInTheNextQuarter() {
        // £100,000 at 60/40 for 100 participants: each engaged with an agreed plan earns £40,000 / 100 = £400.
        JourneyCases.Funded funded = cases.funded("FJ", PaymentModel.BASIC_AND_PERFORMANCE, 60, 100, Map.of());
        Programme programme = funded.programme();
        Contract contract = funded.contract();
        long bury = funded.providerId();
        long agreement = funded.agreementId();
        long first = participant(programme, contract, bury);
        participant(programme, contract, bury);
        String q1 = "/funding/agreements/" + agreement + "/claims/2025/1";

        // The manager finds the claim, enters expenditure (a mistake first) and submits.
        signIn(SignIn.BURY_MANAGER, SignIn.DEMO_PASSWORD);
        open("/funding");
        click(AriaRole.LINK, contract.reference());
        assertThat(page.locator("tr[data-year='2025/26'] td[data-column=earned]")).hasText("£40,000.00");
        click(AriaRole.LINK, "2025/26");
        click(AriaRole.LINK, "Prepare claim for Q1 2025/26");
        assertThat(page.locator("table[data-kind=PERFORMANCE] tbody tr")).hasCount(3);
        assertThat(page.locator("#total")).hasText("£800.00");
        click(AriaRole.LINK, "Add or remove expenditure for Q1 2025/26");
        page.getByLabel("What was the money spent on?").fill("Work and health coach salaries");
        page.getByLabel("Amount").fill("twelve thousand");
        click(AriaRole.BUTTON, "Add expenditure");
        assertThat(page.locator(".govuk-error-summary")).containsText("The amount must be in pounds");
        assertThat(page.getByLabel("What was the money spent on?")).hasValue("Work and health coach salaries");
        page.getByLabel("Amount").fill("12,500.50");
        click(AriaRole.BUTTON, "Add expenditure");
        assertThat(page.locator("#expenditure-total")).hasText("£12,500.50");
        click(AriaRole.LINK, "Back to the claim");
        assertThat(page.locator("#total")).hasText("£13,300.50");
        click(AriaRole.BUTTON, "Submit claim");
        assertThat(page.locator(".govuk-notification-banner")).containsText("submitted");
        assertThat(page.locator("#status")).hasText("Submitted");

        // The commissioner returns it, giving a reason (after forgetting to).
        switchTo(SignIn.GM_COMMISSIONER);
        open("/funding");
        assertThat(page.locator("#waiting")).containsText("Waiting for a decision");
        click(AriaRole.LINK, contract.reference() + ", Q1 2025/26");
        click(AriaRole.LINK, "Return the claim to the provider");
        click(AriaRole.BUTTON, "Return claim");
        assertThat(page.locator(".govuk-error-summary")).containsText("Enter why you are returning the claim");
        page.getByLabel("Why are you returning the claim").fill("Room hire for the drop-in sessions is missing");
        click(AriaRole.BUTTON, "Return claim");
        assertThat(page.locator("#status")).hasText("Returned");

        // The manager reads why, adds the missing item and submits again.
        switchTo(SignIn.BURY_MANAGER);
        open("/funding");
        click(AriaRole.LINK, contract.reference() + ", Q1 2025/26");
        assertThat(page.locator("#return-reason")).containsText("Room hire for the drop-in sessions is missing");
        click(AriaRole.LINK, "Add or remove expenditure for Q1 2025/26");
        page.getByLabel("What was the money spent on?").fill("Room hire, drop-in sessions");
        page.getByLabel("Amount").fill("250");
        click(AriaRole.BUTTON, "Add expenditure");
        click(AriaRole.LINK, "Back to the claim");
        click(AriaRole.BUTTON, "Submit claim");
        assertThat(page.locator("#total")).hasText("£13,550.50");

        // The commissioner approves it.
        switchTo(SignIn.GM_COMMISSIONER);
        open(q1);
        click(AriaRole.BUTTON, "Approve claim");
        assertThat(page.locator("#status")).hasText("Approved");
        assertThat(page.locator("#history")).containsText("Returned: Room hire for the drop-in sessions is missing");

        // The first participant's engagement is corrected to July, in the next quarter.
        long engagement = milestones.current(MilestoneFilter.forCase(first)).stream()
                .filter(m -> m.type() == MilestoneType.ENGAGEMENT).findFirst().orElseThrow().id();
        milestones.supersede(engagement, new NewMilestone(MilestoneType.ENGAGEMENT, first, null, programme.id(),
                contract.id(), bury, LocalDate.of(2025, 7, 8), Map.of(), null));

        // The approved claim is as it was; the next one takes the £400 back from it and pays it in Q2.
        switchTo(SignIn.BURY_MANAGER);
        open(q1);
        assertThat(page.locator("#total")).hasText("£13,550.50");
        org.assertj.core.api.Assertions.assertThat(new String(download("Download the statement as PDF"), 0, 5,
                java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        // An XLSX workbook is a zip file.
        org.assertj.core.api.Assertions.assertThat(new String(download("Download the statement as a spreadsheet"),
                0, 2, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PK");
        open("/funding/agreements/" + agreement + "/claims/2025/2");
        assertThat(page.locator("table[data-kind=PERFORMANCE] td[data-column=amount]")).hasText("£400.00");
        Locator adjustment = page.locator("table[data-kind=ADJUSTMENT] tbody tr").first();
        assertThat(adjustment).containsText("Q1 2025/26");
        assertThat(adjustment).containsText("Taken back from the approved claim for Q1 2025/26");
        assertThat(adjustment.locator("td[data-column=amount]")).hasText("\u2212£400.00");
        assertThat(page.locator("#total")).hasText("£0.00");
        click(AriaRole.BUTTON, "Submit claim");

        switchTo(SignIn.GM_COMMISSIONER);
        open("/funding/agreements/" + agreement + "/claims/2025/2");
        click(AriaRole.BUTTON, "Approve claim");
        open("/funding/agreements/" + agreement + "/years/2025");
        assertThat(page.locator("#budget tr[data-row='2'] td[data-column=approved]")).hasText("£800.00");
        assertThat(page.locator("#budget tr[data-row='1'] td[data-column=approved]")).hasText("£12,750.50");
        assertThat(page.locator("#quarters tr[data-quarter='1']")).containsText("Approved");
    }

    /** A participant engaged on 6 May 2025 whose action plan was agreed a week later. */
    private long participant(Programme programme, Contract contract, long provider) {
        long caseId = cases.open(programme.id(), provider, MAY_2025.minusWeeks(1));
        milestones.record(new NewMilestone(MilestoneType.ENGAGEMENT, caseId, null, programme.id(), contract.id(),
                provider, MAY_2025, Map.of(), null));
        milestones.record(new NewMilestone(MilestoneType.ACTION_PLAN_AGREED, caseId, null, programme.id(),
                contract.id(), provider, MAY_2025.plusWeeks(1), Map.of(), null));
        return caseId;
    }
}
