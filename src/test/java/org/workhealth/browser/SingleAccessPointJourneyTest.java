package org.workhealth.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.workhealth.SignIn;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * The whole front door: someone refers themself on the public form; a coach at the provider that
 * covers their postcode triages and accepts the referral, assigns it, reaches the person and opens
 * their case. axe-core checks every page on the way.
 */
class SingleAccessPointJourneyTest extends BrowserTest {

    @Test
    void aPublicReferralIsTriagedAcceptedContactedAndBecomesACase() {
        String lastName = "Journey" + java.util.concurrent.ThreadLocalRandom.current().ints(4, 'a', 'z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);

        open("/refer");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start now")).click();
        assertAccessible();
        continueTo("Who are you referring?");
        assertThat(page.locator(".govuk-error-summary")).containsText("Select whether you are referring yourself");
        page.getByLabel("Myself").check();
        continueTo("What is your name?");

        page.getByLabel("First name").fill("Sam");
        page.getByLabel("Last name").fill(lastName);
        continueTo("What is your date of birth?");

        page.getByLabel("Day").fill("31");
        page.getByLabel("Month").fill("2");
        page.getByLabel("Year").fill("1990");
        continueTo("What is your date of birth?");
        assertThat(page.locator(".govuk-error-summary")).containsText("Date of birth must be a real date");
        page.getByLabel("Day").fill("28");
        continueTo("How can we contact you?");

        page.getByLabel("Phone number (optional)").fill("07700 900123");
        page.getByLabel("Postcode").fill("bl9 0ej");
        page.getByLabel("Phone call").check();
        continueTo("Your GP practice");
        page.getByLabel("GP practice name (optional)").fill("Townside Primary Care Centre");
        continueTo("Your work");
        page.getByLabel("Employed", new Page.GetByLabelOptions().setExact(true)).check();
        page.getByLabel("Employer name (if you are employed or off sick from a job)").fill("Bury Market Traders");
        continueTo("Your health");
        page.getByLabel("Mental health, such as anxiety, depression or stress").check();
        continueTo("What help would you like?");
        page.getByLabel("What help would you like?").fill("Keep my job while I recover");
        continueTo("Agreement to contact and use information");
        page.getByLabel("The service can contact me and use the information in this referral").check();
        continueTo("Equality monitoring questions");
        continueTo("Check your answers before sending the referral");

        assertThat(page.locator("h1")).hasText("Check your answers before sending the referral");
        assertThat(page.locator("main")).containsText("Sam " + lastName);
        assertThat(page.locator("main")).containsText("BL9 0EJ");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send referral")).click();
        assertAccessible();
        assertThat(page.locator(".govuk-panel__title")).hasText("Referral sent");
        String reference = page.locator(".app-reference").innerText().strip();

        signIn(SignIn.BURY_COACH, SignIn.DEMO_PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Triage").setExact(true)).first().click();
        assertAccessible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(reference)).click();
        assertAccessible();
        assertThat(page.locator("main")).containsText("Sam " + lastName);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accept and assign")).click();
        assertAccessible();
        if (page.getByText("Which programme are you accepting them onto?").count() > 0) {
            page.getByLabel("WorkWell").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
            assertAccessible();
        }
        page.getByLabel("Daniel Brooks", new Page.GetByLabelOptions().setExact(false)).first().check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accept referral")).click();
        assertThat(page.locator("main")).containsText("Accepted");
        assertAccessible();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record first contact")).click();
        assertAccessible();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        page.getByLabel("Day").fill(String.valueOf(today.getDayOfMonth()));
        page.getByLabel("Month").fill(String.valueOf(today.getMonthValue()));
        page.getByLabel("Year").fill(String.valueOf(today.getYear()));
        page.getByLabel("Phone call").check();
        page.getByLabel("Spoke to them – they want support").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save contact attempt")).click();
        assertAccessible();
        assertThat(page.locator(".govuk-notification-banner__heading")).hasText("Case opened");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Go to the case")).click();
        assertAccessible();
        assertThat(page.locator("h1")).hasText("Sam " + lastName);
        assertThat(page.locator("main")).containsText(reference);
        assertThat(page.locator("main")).containsText("WorkWell");
    }

    /** Presses Continue and waits for the page that should follow, by its heading. */
    private void continueTo(String heading) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
        assertThat(page.locator("h1, legend h1, label h1").first()).containsText(heading);
        assertAccessible();
    }
}
