package org.workhealth.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.workhealth.SignIn;
import org.workhealth.calendar.Quarter;

import com.microsoft.playwright.options.AriaRole;

/**
 * An advisor records an engagement and publishes a case study with the employer's consent; the commissioner's Thrive
 * at Work dashboard then counts the engagement's attendees and the case study. Every page accessible.
 */
class ThriveAtWorkJourneyTest extends BrowserTest {

    private static final String ADVISOR = "advisor@wmca.workhealth.example";

    @Test
    void anEngagementAndAPublishedCaseStudyRaiseTheDashboardsFigures() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        String quarter = "q" + Quarter.containing(today).number() + "-actual";
        signIn(SignIn.WMCA_COMMISSIONER, SignIn.DEMO_PASSWORD);
        open("/thrive-at-work");
        long engagements = figure("ENGAGEMENTS", quarter);
        long caseStudies = figure("CASE_STUDIES", quarter);

        switchTo(ADVISOR);
        open("/thrive-at-work");
        click(AriaRole.LINK, "Engagements");
        click(AriaRole.BUTTON, "Record an engagement");
        click(AriaRole.BUTTON, "Save engagement");
        assertThat(page.locator(".govuk-error-summary")).containsText("Enter what the engagement was");
        page.getByLabel("What was the engagement?").fill("Line managers' mental health training");
        page.getByLabel("Training").check();
        page.locator("#heldOn-day").fill(String.valueOf(today.getDayOfMonth()));
        page.locator("#heldOn-month").fill(String.valueOf(today.getMonthValue()));
        page.locator("#heldOn-year").fill(String.valueOf(today.getYear()));
        page.getByLabel("Acme Components Ltd").check();
        page.getByLabel("How many people attended?").fill("23");
        click(AriaRole.BUTTON, "Save engagement");
        assertThat(page.locator(".govuk-notification-banner")).containsText("23 attended");

        open("/thrive-at-work/case-studies");
        click(AriaRole.BUTTON, "Write a case study");
        page.getByLabel("Employer").selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel("Acme Components Ltd"));
        page.getByLabel("Title").fill("Managers trained to talk about mental health");
        page.getByLabel("Case study").fill("Every line manager took the course.\n\nAbsence fell by a fifth.");
        click(AriaRole.BUTTON, "Save draft");
        click(AriaRole.BUTTON, "Approve");
        assertThat(page.locator(".govuk-error-summary")).containsText("Confirm that the employer agreed");
        page.getByLabel("Who at the employer agreed to its publication?").fill("Sam Patel");
        page.getByLabel("The employer agreed to this case study being published").check();
        click(AriaRole.BUTTON, "Approve");
        click(AriaRole.BUTTON, "Publish case study");
        assertThat(page.locator(".govuk-notification-banner")).containsText("Case study published");

        switchTo(SignIn.WMCA_COMMISSIONER);
        open("/thrive-at-work");
        org.assertj.core.api.Assertions.assertThat(figure("ENGAGEMENTS", quarter)).isEqualTo(engagements + 23);
        org.assertj.core.api.Assertions.assertThat(figure("CASE_STUDIES", quarter)).isEqualTo(caseStudies + 1);
    }

    /** "+23 so far" is 23. */
    private long figure(String kpi, String column) {
        String text = page.locator("tr[data-kpi=" + kpi + "] [data-column=" + column + "] span").first().textContent();
        return Long.parseLong(text.replaceAll("[^0-9]", ""));
    }
}
