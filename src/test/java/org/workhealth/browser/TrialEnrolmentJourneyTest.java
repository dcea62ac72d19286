package org.workhealth.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.workhealth.SignIn;
import org.workhealth.organisation.Role;
import org.workhealth.referral.internal.ContactPreference;
import org.workhealth.referral.EmploymentStatus;
import org.workhealth.referral.internal.ReferralAnswers;
import org.workhealth.referral.internal.ReferralIntake;
import org.workhealth.referral.internal.ReferralSource;
import org.workhealth.trial.internal.AllocationMethod;
import org.workhealth.trial.Arm;
import org.workhealth.trial.Trial;
import org.workhealth.trial.internal.TrialDesign;
import org.workhealth.trial.TrialUnit;
import org.workhealth.trial.Trials;

import com.microsoft.playwright.options.AriaRole;

/**
 * Issue 16, H1: the commissioner adds the trial's information sheet; the Bury coach records one person as not
 * eligible and randomises another after their research consent; the commissioner sees both, records the second
 * person's withdrawal from further contact and marks the randomisation in error. axe-core checks every page.
 */
class TrialEnrolmentJourneyTest extends BrowserTest {

    private final Trials trials;
    private final ReferralIntake intake;
    private final JdbcClient jdbc;

    @Autowired
    TrialEnrolmentJourneyTest(Trials trials, ReferralIntake intake, JdbcClient jdbc) {
        this.trials = trials;
        this.intake = intake;
        this.jdbc = jdbc;
    }

    @Test
    void aTriagerExcludesOnePersonAndRandomisesAnotherWhoLaterWithdraws() {
        Trial trial = trial();
        long excluded = buryReferral();
        long randomised = buryReferral();
        LocalDate today = LocalDate.now();

        switchTo(SignIn.GM_COMMISSIONER);
        open("/trials/" + trial.id());
        click(AriaRole.LINK, "Add a version of the information sheet");
        click(AriaRole.BUTTON, "Add version");
        assertThat(page.locator(".govuk-error-summary")).containsText("Enter the version of the information sheet");
        page.getByLabel("Version").fill("1.0");
        page.locator("#dated-day").fill("1");
        page.locator("#dated-month").fill("1");
        page.locator("#dated-year").fill(String.valueOf(today.getYear() - 1));
        click(AriaRole.BUTTON, "Add version");
        assertThat(page.locator(".govuk-notification-banner")).containsText("Information sheet version 1.0 added");

        switchTo(SignIn.BURY_COACH);
        open("/referrals/" + excluded + "?programmeId=" + trial.programmeId());
        click(AriaRole.LINK, "Check eligibility and consent, and randomise into " + trial.title());
        page.getByLabel("No, they do not meet the criteria").check();
        page.getByLabel("Why (required for another reason, optional otherwise)").fill("Not looking for work");
        click(AriaRole.BUTTON, "Continue");
        assertThat(page.locator("#exclusion")).containsText("Did not meet the eligibility criteria");

        open("/referrals/" + randomised + "/trials/" + trial.id() + "/randomise");
        page.getByLabel("Yes, they meet the criteria").check();
        click(AriaRole.BUTTON, "Continue");
        assertThat(page.locator(".govuk-error-summary")).containsText("Select whether the person has given research consent");
        page.locator("#consented").check();
        page.getByLabel("Version 1.0").check();
        page.locator("#consentedOn-day").fill(String.valueOf(today.getDayOfMonth()));
        page.locator("#consentedOn-month").fill(String.valueOf(today.getMonthValue()));
        page.locator("#consentedOn-year").fill(String.valueOf(today.getYear()));
        click(AriaRole.BUTTON, "Continue");
        assertThat(page.locator(".govuk-panel")).containsText("Allocated to");
        long allocation = jdbc.sql("SELECT id FROM trial_allocation WHERE trial_id = ? AND unit_id = ?")
                .params(trial.id(), randomised).query(Long.class).single();

        switchTo(SignIn.GM_COMMISSIONER);
        open("/trials/" + trial.id() + "/allocations");
        assertThat(page.locator("#allocations")).containsText("Given");
        assertThat(page.locator("#exclusions")).containsText("Not looking for work");
        click(AriaRole.LINK, "View research consent for allocation " + allocation);
        assertThat(page.locator("#consent")).containsText("1.0");
        page.locator("#withdrawnOn-day").fill(String.valueOf(today.getDayOfMonth()));
        page.locator("#withdrawnOn-month").fill(String.valueOf(today.getMonthValue()));
        page.locator("#withdrawnOn-year").fill(String.valueOf(today.getYear()));
        page.getByLabel("No further contact").check();
        click(AriaRole.BUTTON, "Record withdrawal");
        assertThat(page.locator(".govuk-notification-banner")).containsText("Withdrawal recorded");
        assertThat(page.locator("#history")).containsText("No further contact");

        open("/trials/" + trial.id() + "/allocations");
        assertThat(page.locator("#allocations")).containsText("Withdrawn");
        click(AriaRole.LINK, "Mark in error allocation " + allocation);
        page.getByLabel("Why was this randomisation a mistake?").fill("Randomised before the GP confirmed eligibility");
        click(AriaRole.BUTTON, "Mark as randomised in error");
        assertThat(page.locator(".govuk-notification-banner")).containsText("marked as randomised in error");
        assertThat(page.locator("#allocations")).containsText("Randomised in error");
        assertThat(page.locator("#allocations")).containsText("Randomised before the GP confirmed eligibility");
    }

    private Trial trial() {
        long programme = jdbc.sql("SELECT id FROM programme WHERE code = 'WW'").query(Long.class).single();
        long hub = jdbc.sql("SELECT organisation_id FROM person WHERE email = ?").param(SignIn.GM_COMMISSIONER)
                .query(Long.class).single();
        return trials.createUnchecked(new TrialDesign(programme, "J-" + UUID.randomUUID().toString().substring(0, 8)
                .toUpperCase(), "Journey IPS trial", TrialUnit.PARTICIPANT, AllocationMethod.PERMUTED_BLOCKS,
                List.of(new Arm("IPS", "Individual placement and support", 1, false),
                        new Arm("USUAL", "Usual care", 1, true)),
                List.of(), List.of(1, 2, 3), 0.8, LocalDate.now().minusDays(30), LocalDate.now().plusYears(1), 300,
                EnumSet.of(Role.COMMISSIONER), "Signposted to usual care: GP and talking therapies", List.of(12, 26)),
                hub);
    }

    private long buryReferral() {
        ReferralAnswers answers = new ReferralAnswers(false, null, null, null, "Robin", "Journey" + UUID.randomUUID()
                .toString().replaceAll("[^a-f]", ""), LocalDate.of(1980, 4, 4), null, "07700900456", null,
                "7 Bank Street", null, "Bury", "BL9 0EJ", ContactPreference.PHONE, null, null, null,
                EmploymentStatus.UNEMPLOYED, LocalDate.now().minusWeeks(20), null, null, null, true, false, false,
                "Back pain", null, "Help to find work", true, false, null, null, null, null, null);
        return intake.submit(answers, ReferralSource.PUBLIC, null, null).id();
    }
}
