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
import org.workhealth.referral.internal.ContactPreference;
import org.workhealth.referral.EmploymentStatus;
import org.workhealth.referral.internal.ReferralAnswers;
import org.workhealth.referral.internal.ReferralIntake;
import org.workhealth.referral.internal.ReferralSource;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * A manager adds a service; a practitioner refers a person on to it, records that it was accepted,
 * records consent to contact the employer, then the contact and an adjustment, and then that the person withdrew
 * that consent. Every page passes axe-core.
 */
class SupportServicesJourneyTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Casework casework;

    @Autowired
    ReferralIntake intake;

    @Test
    void aServiceIsAddedAPersonIsReferredOnAndTheirEmployerIsRecordedWithConsent() {
        String service = "Journey service " + UUID.randomUUID().toString().substring(0, 6);
        long caseId = openCase();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));

        signIn(SignIn.BURY_MANAGER, SignIn.DEMO_PASSWORD);
        open("/services");
        page.waitForNavigation(() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                .setName("Add a service")).click());
        assertAccessible();
        click("Add service");
        assertThat(page.locator(".govuk-error-summary")).containsText("Enter the name of the service");
        page.getByLabel("Name of the service").fill(service);
        page.getByLabel("Money and debt").check();
        page.getByLabel("Area it covers").fill("Bury");
        page.getByLabel("How to contact it").fill("0161 000 0000");
        click("Add service");
        assertThat(page.locator(".govuk-notification-banner")).containsText(service + " added");

        open("/cases/" + caseId + "/onward-referrals");
        click("Save onward referral");
        assertThat(page.locator(".govuk-error-summary")).containsText("Select the service you referred them to");
        page.getByLabel("Service", new Page.GetByLabelOptions().setExact(true)).selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel(service + " (Money and debt)"));
        page.getByLabel("Day").fill(String.valueOf(today.getDayOfMonth()));
        page.getByLabel("Month").fill(String.valueOf(today.getMonthValue()));
        page.getByLabel("Year").fill(String.valueOf(today.getYear()));
        click("Save onward referral");
        assertThat(page.locator(".govuk-error-summary"))
                .containsText("Select yes if they agreed that you can share their details with the service");
        page.locator("input[name=consent][value=yes]").check();
        click("Save onward referral");
        assertThat(page.locator("table")).containsText(service);
        page.waitForNavigation(() -> page.locator("table a").first().click());
        assertAccessible();
        page.getByLabel("Accepted").check();
        page.getByLabel("Day").fill(String.valueOf(today.getDayOfMonth()));
        page.getByLabel("Month").fill(String.valueOf(today.getMonthValue()));
        page.getByLabel("Year").fill(String.valueOf(today.getYear()));
        click("Save");
        assertThat(page.locator("table")).containsText("Accepted");

        // They withdraw their consent to share with the service: no more referrals to it.
        open("/cases/" + caseId + "/service-consents");
        assertAccessible();
        page.waitForNavigation(() -> page.locator("#service-consents a").first().click());
        assertAccessible();
        click("Record consent withdrawn");
        assertThat(page.locator(".govuk-error-summary")).containsText("Enter who told us");
        page.getByLabel("Day").fill(String.valueOf(today.getDayOfMonth()));
        page.getByLabel("Month").fill(String.valueOf(today.getMonthValue()));
        page.getByLabel("Year").fill(String.valueOf(today.getYear()));
        page.getByLabel("Who told us").fill("The person, by phone");
        click("Record consent withdrawn");
        assertThat(page.locator("#consent-withdrawn")).containsText("has withdrawn their consent to share with " + service);
        open("/cases/" + caseId + "/onward-referrals");
        assertAccessible();
        assertThat(page.locator("table")).containsText("Consent withdrawn");
        page.getByLabel("Service", new Page.GetByLabelOptions().setExact(true)).selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel(service + " (Money and debt)"));
        page.getByLabel("Day").fill(String.valueOf(today.getDayOfMonth()));
        page.getByLabel("Month").fill(String.valueOf(today.getMonthValue()));
        page.getByLabel("Year").fill(String.valueOf(today.getYear()));
        page.locator("input[name=consent][value=yes]").check();
        click("Save onward referral");
        assertThat(page.locator(".govuk-error-summary")).containsText("has withdrawn their consent to share with");

        open("/cases/" + caseId + "/employer");
        assertThat(page.locator(".govuk-warning-text")).containsText("has not agreed to contact with their employer");
        click("Record consent");
        assertThat(page.locator(".govuk-error-summary")).containsText("Enter how they gave consent");
        page.getByLabel("Day").fill(String.valueOf(today.getDayOfMonth()));
        page.getByLabel("Month").fill(String.valueOf(today.getMonthValue()));
        page.getByLabel("Year").fill(String.valueOf(today.getYear()));
        page.getByLabel("How they gave consent").fill("By phone");
        click("Record consent");
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Pat Manager");
        page.getByLabel("Email address").fill("pat@example.com");
        click("Save employer contact");
        click("Save adjustments");
        assertThat(page.locator(".govuk-error-summary")).containsText("Select the adjustments");
        page.getByLabel("Altered hours").check();
        page.getByLabel("Agreed").check();
        page.locator("#on-day").fill(String.valueOf(today.getDayOfMonth()));
        page.locator("#on-month").fill(String.valueOf(today.getMonthValue()));
        page.locator("#on-year").fill(String.valueOf(today.getYear()));
        click("Save adjustments");
        assertThat(page.locator("#adjustments")).containsText("Altered hours");

        // They change their mind: from then on the service refuses anything about their employer.
        page.locator("#withdrawnOn-day").fill(String.valueOf(today.getDayOfMonth()));
        page.locator("#withdrawnOn-month").fill(String.valueOf(today.getMonthValue()));
        page.locator("#withdrawnOn-year").fill(String.valueOf(today.getYear()));
        click("Record consent withdrawn");
        assertThat(page.locator(".govuk-error-summary")).containsText("Enter how they withdrew consent");
        page.getByLabel("How they withdrew consent").fill("By phone to their coach");
        click("Record consent withdrawn");
        assertThat(page.locator(".govuk-warning-text")).containsText("has withdrawn their consent");
        assertThat(page.getByLabel("Email address")).hasCount(0);
    }

    private void click(String button) {
        // Wait for the next page, so that axe checks it and not the one being left.
        page.waitForNavigation(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button))
                .click());
        assertAccessible();
    }

    private long openCase() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        ReferralAnswers answers = new ReferralAnswers(false, null, null, null, "Morgan",
                "Journey" + UUID.randomUUID().toString().replaceAll("[^a-f]", ""), LocalDate.of(1982, 6, 6), null,
                "07700900456", null, "3 Bank Street", null, "Bury", "BL9 0EJ", ContactPreference.PHONE, null, null,
                null, EmploymentStatus.OFF_SICK, null, "Bury Foods Ltd", null, null, true, false, false, "Back pain",
                null, "Help to return to work", true, false, null, null, null, null, null);
        ReferralIntake.Submitted submitted = intake.submit(answers, ReferralSource.PUBLIC, null, null);
        long buryLiveWell = jdbc.sql("SELECT id FROM organisation WHERE name = 'Bury Council Live Well service'")
                .query(Long.class).single();
        long coach = jdbc.sql("SELECT id FROM person WHERE email = ?").param(SignIn.BURY_COACH).query(Long.class)
                .single();
        long workWell = jdbc.sql("SELECT id FROM programme WHERE code = 'WW'").query(Long.class).single();
        return casework.openCase(new OpenCase(submitted.id(), submitted.reference(), workWell, null, buryLiveWell,
                coach, "OFF_SICK", today));
    }
}
