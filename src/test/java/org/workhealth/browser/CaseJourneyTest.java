package org.workhealth.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.workhealth.SignIn;
import org.workhealth.TestData;
import org.workhealth.casework.ServiceDirectory;
import org.workhealth.casework.internal.ServiceType;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;

/**
 * One WorkWell case from its first appointment to its exit, as the key worker does it: engagement,
 * assessment, action plan, onward referral, PHQ-9 baseline, paid job start, the 13-week sustainment
 * check and the exit. Every page passes axe-core.
 */
class CaseJourneyTest extends BrowserTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final JourneyCases cases;
    private final TestData data;
    private final ServiceDirectory directory;

    @Autowired
    CaseJourneyTest(JourneyCases cases, TestData data, ServiceDirectory directory) {
        this.cases = cases;
        this.data = data;
        this.directory = directory;
    }

    @Test
    void aCaseGoesFromItsFirstAppointmentToAnExitIntoWork() {
        LocalDate today = LocalDate.now(LONDON);
        // Opened 20 weeks ago, so the job start can be dated 15 weeks ago and its 13-week check is due now.
        LocalDate openedOn = today.minusWeeks(20);
        long caseId = openCase(openedOn);
        String service = "Journey service " + UUID.randomUUID().toString().substring(0, 6);
        directory.add(new ServiceDirectory.ServiceDetails(buryLiveWell(), service, ServiceType.EMPLOYMENT_SUPPORT,
                "Bury", "0161 000 0000", null));
        String cases = "/cases/" + caseId;

        signIn(SignIn.BURY_COACH, SignIn.DEMO_PASSWORD);
        open(cases);

        // First appointment, attended: engagement.
        open(cases + "/appointments/new");
        date("startsOn", openedOn.plusDays(2));
        page.locator("#startsTime").fill("10");
        page.locator("#startsTime-minute").fill("30");
        page.getByLabel("Face to face").check();
        page.locator("#place").fill("Bury Library");
        click("Plan appointment");
        assertThat(page.locator(".govuk-notification-banner")).containsText("Appointment planned");
        page.waitForNavigation(() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                .setName("Record outcome")).first().click());
        assertAccessible();
        page.getByLabel("Attended").check();
        click("Save outcome");
        assertThat(page.locator(".govuk-notification-banner")).containsText("engagement is recorded");

        // Assessment.
        open(cases + "/assessment");
        page.getByLabel("Health conditions").fill("Anxiety");
        page.getByLabel("Confidence").check();
        click("Complete assessment");
        assertThat(page.locator("h1")).hasText("Work and health assessment, version 1");

        // Action plan: a goal and an action, then agreed.
        open(cases + "/action-plan");
        click("Write the plan");
        page.getByLabel("Goals").fill("Find paid work in a warehouse");
        page.locator("#action-0-description").fill("Update the CV");
        page.locator("#action-0-owner").selectOption("PRACTITIONER");
        date("action-0-due", today.plusWeeks(1));
        click("Save as draft");
        assertThat(page.locator(".govuk-notification-banner")).containsText("Plan saved as a draft");
        click("Agree the plan");
        date("agreedOn", openedOn.plusWeeks(3));
        page.getByLabel("By phone").check();
        click("Agree the plan");
        assertThat(page.locator(".govuk-notification-banner")).containsText("Plan agreed");

        // Onward referral to a directory service.
        open(cases + "/onward-referrals");
        page.getByLabel("Service", new Page.GetByLabelOptions().setExact(true))
                .selectOption(new SelectOption().setLabel(service + " (Employment support)"));
        date("madeOn", openedOn.plusWeeks(4));
        page.locator("input[name=consent][value=yes]").check();
        click("Save onward referral");
        assertThat(page.locator("table")).containsText(service);

        // PHQ-9 baseline.
        open(cases + "/measures");
        page.waitForNavigation(() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                .setName("Record a measure")).click());
        assertAccessible();
        page.getByLabel("PHQ-9").check();
        click("Continue");
        page.locator("input[name=point][value=BASELINE]").check();
        for (int question = 1; question <= 9; question++) {
            page.locator("input[name=q" + question + "][value='2']").check();
        }
        click("Save measure");
        assertThat(page.locator(".govuk-notification-banner")).containsText("PHQ-9 baseline recorded");

        // A paid job start 15 weeks ago.
        open(cases + "/outcomes");
        page.waitForNavigation(() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                .setName("Record a job start")).click());
        assertAccessible();
        date("occurredOn", today.minusWeeks(15));
        page.getByLabel("Employer").fill("Bury Foods Ltd");
        page.getByLabel("Job title").fill("Warehouse operative");
        page.locator("#sector").selectOption("H");
        page.getByLabel("Hours a week").fill("30");
        page.getByLabel("Permanent").check();
        page.locator("input[name=paid][value=yes]").check();
        click("Save outcome");
        assertThat(page.locator(".govuk-notification-banner")).containsText("Job start recorded");

        // The 13-week sustainment check, due two weeks ago.
        assertThat(page.locator("#checks")).containsText("13 weeks");
        page.locator("input[name=stillInWork][value=yes]").check();
        date("checkedOn", today);
        click("Save check");
        assertThat(page.locator(".govuk-notification-banner")).containsText("13-week sustainment check recorded");
        assertThat(page.locator("#checks")).containsText("Still in work");

        // Exit into work.
        open(cases + "/exit");
        page.getByLabel("Moved into work and left support").check();
        date("exitedOn", today);
        click("Close the case");
        assertThat(page.locator("h1")).hasText("Case closed");

        open(cases);
        assertThat(page.locator("#timeline")).containsText("Engagement");
        assertThat(page.locator("#timeline")).containsText("Action plan agreed");
        assertThat(page.locator("#timeline")).containsText("Job start");
        assertThat(page.locator("#timeline")).containsText("In work 13 weeks after a job start");
        // Newest first: the exit ends the story.
        assertThat(page.locator("#timeline tbody tr").first()).containsText("Exit");
    }

    private void date(String field, LocalDate date) {
        page.locator("#" + field + "-day").fill(String.valueOf(date.getDayOfMonth()));
        page.locator("#" + field + "-month").fill(String.valueOf(date.getMonthValue()));
        page.locator("#" + field + "-year").fill(String.valueOf(date.getYear()));
    }

    private void click(String name) {
        // Wait for the next page, so that axe checks it and not the one being left.
        page.waitForNavigation(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name)
                .setExact(true)).first().click());
        assertAccessible();
    }

    private long buryLiveWell() {
        return data.buryLiveWell();
    }

    private long openCase(LocalDate openedOn) {
        return cases.open(data.programme("WW"), buryLiveWell(), openedOn);
    }
}
