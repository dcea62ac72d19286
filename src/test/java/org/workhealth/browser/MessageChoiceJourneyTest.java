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
import org.workhealth.referral.EmploymentStatus;
import org.workhealth.referral.internal.ContactPreference;
import org.workhealth.referral.internal.ReferralAnswers;
import org.workhealth.referral.internal.ReferralIntake;
import org.workhealth.referral.internal.ReferralSource;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** A practitioner records that the person wants texts and no reminders; every page accessible. */
class MessageChoiceJourneyTest extends BrowserTest {

    private final JdbcClient jdbc;
    private final ReferralIntake intake;
    private final Programmes programmes;
    private final Organisations organisations;
    private final Casework casework;

    @Autowired
    MessageChoiceJourneyTest(JdbcClient jdbc, ReferralIntake intake, Programmes programmes,
            Organisations organisations, Casework casework) {
        this.jdbc = jdbc;
        this.intake = intake;
        this.programmes = programmes;
        this.organisations = organisations;
        this.casework = casework;
    }

    @Test
    void aPractitionerRecordsThatThePersonWantsTextsWithoutReminders() {
        long caseId = openCase();
        signIn(SignIn.BURY_COACH, SignIn.DEMO_PASSWORD);

        open("/cases/" + caseId);
        assertThat(page.locator(".govuk-summary-list")).containsText("By email, with reminders (from the referral)");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Change how they get messages")).click();
        assertAccessible();
        assertThat(page.locator("h1")).hasText("How they get messages");
        page.getByLabel("No messages").check();
        page.getByLabel("By text message").check();
        click("Save");
        assertAccessible();
        assertThat(page.locator(".govuk-error-summary"))
                .containsText("Select whether they want a reminder the day before each appointment");
        assertThat(page.getByLabel("By text message")).isChecked();
        page.getByLabel("No", new Page.GetByLabelOptions().setExact(true)).check();
        click("Save");
        assertAccessible();
        assertThat(page.locator(".govuk-notification-banner")).containsText("How they get messages is saved");
        assertThat(page.locator(".govuk-summary-list")).containsText("By text message, without reminders");
    }

    private void click(String name) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true)).first().click();
    }

    private long openCase() {
        String lastName = "Choice" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        ReferralAnswers answers = new ReferralAnswers(false, null, null, null, "Robin", lastName,
                LocalDate.of(1979, 6, 6), null, "07700900789", "robin@example.com", "4 Mill Street", null, "Bury",
                "BL9 0EJ", ContactPreference.EMAIL, null, null, null, EmploymentStatus.OFF_SICK, null,
                "Bury Foods Ltd", null, null, true, false, false, "Back pain", null, "Help to stay in work", true,
                false, null, null, null, null, null);
        ReferralIntake.Submitted submitted = intake.submit(answers, ReferralSource.PUBLIC, null, null);
        long coach = jdbc.sql("SELECT id FROM person WHERE email = ?").param(SignIn.BURY_COACH).query(Long.class)
                .single();
        return casework.openCase(new OpenCase(submitted.id(), submitted.reference(),
                programmes.findByCode("WW").orElseThrow().id(), null,
                organisations.findByName("Bury Council Live Well service").orElseThrow().id(), coach,
                EmploymentStatus.OFF_SICK.name(), today.minusMonths(1)));
    }
}
