package org.workhealth.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.workhealth.SignIn;
import org.workhealth.organisation.Organisations;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;
import org.workhealth.referral.internal.ContactPreference;
import org.workhealth.referral.EmploymentStatus;
import org.workhealth.referral.internal.ReferralAnswers;
import org.workhealth.referral.internal.ReferralIntake;
import org.workhealth.referral.internal.ReferralSource;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** A practitioner records first-contact attempts on an accepted referral until the person's case opens. */
class FirstContactJourneyTest extends BrowserTest {

    private final ReferralIntake intake;
    private final Programmes programmes;
    private final Organisations organisations;
    private final JdbcClient jdbc;

    @Autowired
    FirstContactJourneyTest(ReferralIntake intake, Programmes programmes, Organisations organisations,
            JdbcClient jdbc) {
        this.intake = intake;
        this.programmes = programmes;
        this.organisations = organisations;
        this.jdbc = jdbc;
    }

    @Test
    void aPractitionerTriesThreeTimesThenThePersonWantsSupportAndTheirCaseOpens() {
        long referralId = acceptedReferral();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));

        signIn(SignIn.BURY_COACH, SignIn.DEMO_PASSWORD);
        open("/referrals/" + referralId + "/contact");
        assertThat(page.locator("h1")).hasText("First contact with Morgan Journey");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save contact attempt")).click();
        assertAccessible();
        assertThat(page.locator(".govuk-error-summary")).containsText("Enter the date of the attempt");

        for (String outcome : new String[] {"No answer", "Left a message", "No answer"}) {
            page.getByLabel("Day").fill(String.valueOf(today.getDayOfMonth()));
            page.getByLabel("Month").fill(String.valueOf(today.getMonthValue()));
            page.getByLabel("Year").fill(String.valueOf(today.getYear()));
            page.getByLabel("Phone call").check();
            page.getByLabel(outcome, new Page.GetByLabelOptions().setExact(true)).check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save contact attempt")).click();
            assertAccessible();
            assertThat(page.locator(".govuk-notification-banner")).containsText("Contact attempt recorded");
        }
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close as unable to contact")))
                .isVisible();

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
        assertThat(page.locator("h1")).hasText("Morgan Journey");
        assertThat(page.locator("table")).containsText("Referral accepted");
    }

    private long acceptedReferral() {
        String code = "FCJ" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        long gm = organisations.findByName("NHS Greater Manchester").orElseThrow().id();
        long bury = organisations.findByName("Bury Council Live Well service").orElseThrow().id();
        Programme programme = programmes.createUnchecked(code, "Journey " + code,
                org.workhealth.programme.SupportType.LOW_INTENSITY, null, gm);
        ReferralAnswers answers = new ReferralAnswers(false, null, null, null, "Morgan", "Journey",
                LocalDate.of(1979, 2, 14), null, "07700900123", null, "2 Bank Street", null, "Bury", "BL9 0EJ",
                ContactPreference.PHONE, null, null, null, EmploymentStatus.OFF_SICK, null, "Bury Mills", true,
                LocalDate.now(ZoneId.of("Europe/London")).minusWeeks(5), false, true, false, null, null, null, true,
                false, null, null, null, null, null);
        long id = intake.submit(answers, ReferralSource.PUBLIC, null, null).id();
        long coach = jdbc.sql("SELECT id FROM person WHERE email = ?").param(SignIn.BURY_COACH).query(Long.class)
                .single();
        jdbc.sql("UPDATE referral SET status = 'ACCEPTED', programme_id = ?, assigned_person_id = ?, "
                + "routed_organisation_id = ? WHERE id = ?").params(programme.id(), coach, bury, id).update();
        return id;
    }
}
