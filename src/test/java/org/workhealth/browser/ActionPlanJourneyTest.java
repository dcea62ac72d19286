package org.workhealth.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.workhealth.SignIn;
import org.workhealth.casework.Casework;
import org.workhealth.casework.OpenCase;
import org.workhealth.organisation.Organisations;
import org.workhealth.programme.Programmes;
import org.workhealth.referral.internal.ContactPreference;
import org.workhealth.referral.EmploymentStatus;
import org.workhealth.referral.internal.ReferralAnswers;
import org.workhealth.referral.internal.ReferralIntake;
import org.workhealth.referral.internal.ReferralSource;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** A practitioner writes, agrees, prints and shares a Thrive in Work plan, then records a review; every page accessible. */
class ActionPlanJourneyTest extends BrowserTest {

    private final JdbcClient jdbc;
    private final ReferralIntake intake;
    private final Programmes programmes;
    private final Organisations organisations;
    private final Casework casework;

    @Autowired
    ActionPlanJourneyTest(JdbcClient jdbc, ReferralIntake intake, Programmes programmes, Organisations organisations,
            Casework casework) {
        this.jdbc = jdbc;
        this.intake = intake;
        this.programmes = programmes;
        this.organisations = organisations;
        this.casework = casework;
    }

    @Test
    void aPractitionerWritesAgreesSharesAndReviewsThePlan() {
        long caseId = openCase();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        signIn(SignIn.BURY_COACH, SignIn.DEMO_PASSWORD);

        open("/cases/" + caseId + "/action-plan");
        assertThat(page.locator("h1")).hasText("Thrive in Work plan");
        click("Write the plan");
        assertAccessible();
        click("Save as draft");
        assertAccessible();
        assertThat(page.locator(".govuk-error-summary")).containsText("Enter at least one goal");

        page.getByLabel("Goals").fill("Return to full hours");
        page.locator("#action-0-description").fill("Ask the employer about a phased return");
        page.locator("#action-0-owner").selectOption("PRACTITIONER");
        page.locator("#action-0-due-day").fill(String.valueOf(today.plusWeeks(1).getDayOfMonth()));
        page.locator("#action-0-due-month").fill(String.valueOf(today.plusWeeks(1).getMonthValue()));
        page.locator("#action-0-due-year").fill(String.valueOf(today.plusWeeks(1).getYear()));
        click("Save as draft");
        assertAccessible();
        assertThat(page.locator(".govuk-notification-banner")).containsText("Plan saved as a draft");

        click("Agree the plan");
        assertAccessible();
        page.locator("#agreedOn-day").fill(String.valueOf(today.getDayOfMonth()));
        page.locator("#agreedOn-month").fill(String.valueOf(today.getMonthValue()));
        page.locator("#agreedOn-year").fill(String.valueOf(today.getYear()));
        page.getByLabel("By phone").check();
        click("Agree the plan");
        assertAccessible();
        assertThat(page.locator(".govuk-notification-banner")).containsText("Plan agreed");

        page.getByLabel("Yes", new Page.GetByLabelOptions().setExact(true)).check();
        page.locator("#consentOn-day").fill(String.valueOf(today.getDayOfMonth()));
        page.locator("#consentOn-month").fill(String.valueOf(today.getMonthValue()));
        page.locator("#consentOn-year").fill(String.valueOf(today.getYear()));
        click("Save consent");
        assertAccessible();
        page.locator("#share-link").click();
        assertAccessible();
        page.getByLabel("Employer contact name").fill("Pat Manager");
        page.getByLabel("Employer contact email").fill("pat@buryfoods.example");
        click("Send the plan");
        assertAccessible();
        assertThat(page.locator(".govuk-notification-banner")).containsText("Plan sent to Pat Manager. The person "
                + "does not get emails from the service: give them a copy of the plan");
        assertThat(page.locator("main")).containsText("pat@buryfoods.example");

        open("/cases/" + caseId + "/action-plan/print");
        assertThat(page.locator("h1")).hasText("Your Thrive in Work plan");
        open("/cases/" + caseId + "/action-plan/versions/1");
        open("/cases/" + caseId + "/reviews");
        click("Save review");
        assertAccessible();
        page.getByLabel("Notes").fill("Back on full hours");
        page.locator("#reviewedOn-day").fill(String.valueOf(today.getDayOfMonth()));
        page.locator("#reviewedOn-month").fill(String.valueOf(today.getMonthValue()));
        page.locator("#reviewedOn-year").fill(String.valueOf(today.getYear()));
        page.getByLabel("Yes", new Page.GetByLabelOptions().setExact(true)).check();
        click("Save review");
        assertAccessible();
        assertThat(page.locator(".govuk-notification-banner")).containsText("Review recorded");
        open("/reviews/overdue");
    }

    private void click(String name) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true)).first().click();
    }

    private long openCase() {
        String lastName = "Journey" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        ReferralAnswers answers = new ReferralAnswers(false, null, null, null, "Alex", lastName,
                LocalDate.of(1979, 6, 6), null, "07700900789", null, "4 Mill Street", null, "Bury", "BL9 0EJ",
                ContactPreference.PHONE, null, null, null, EmploymentStatus.OFF_SICK, null, "Bury Foods Ltd", null,
                null, true, false, false, "Back pain", null, "Help to stay in work", true, false, null, null, null,
                null, null);
        ReferralIntake.Submitted submitted = intake.submit(answers, ReferralSource.PUBLIC, null, null);
        long coach = jdbc.sql("SELECT id FROM person WHERE email = ?").param(SignIn.BURY_COACH).query(Long.class)
                .single();
        return casework.openCase(new OpenCase(submitted.id(), submitted.reference(),
                programmes.findByCode("WW").orElseThrow().id(), null,
                organisations.findByName("Bury Council Live Well service").orElseThrow().id(), coach,
                EmploymentStatus.OFF_SICK.name(), today.minusMonths(1)));
    }
}
