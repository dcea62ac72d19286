package org.workhealth.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.workhealth.SignIn;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.Role;
import org.workhealth.referral.internal.ContactPreference;
import org.workhealth.referral.EmploymentStatus;
import org.workhealth.referral.internal.ReferralAnswers;
import org.workhealth.referral.internal.ReferralIntake;
import org.workhealth.referral.internal.ReferralSource;
import org.workhealth.trial.internal.AllocationMethod;
import org.workhealth.trial.Arm;
import org.workhealth.trial.internal.Randomiser;
import org.workhealth.trial.Trial;
import org.workhealth.trial.internal.TrialDesign;
import org.workhealth.trial.TrialUnit;
import org.workhealth.trial.Trials;
import org.workhealth.trial.internal.UnitFacts;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * The research team records a follow-up outcome (a mistake first, shown next to its field), then the commissioner
 * reads the CONSORT flow diagram that counts it and downloads its numbers.
 */
class TrialFollowUpJourneyTest extends BrowserTest {

    @Autowired
    Trials trials;
    @Autowired
    Randomiser randomiser;
    @Autowired
    ReferralIntake intake;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anOutcomeIsRecordedAndTheConsortDiagramCountsTheTrial() {
        long wmca = jdbc.sql("SELECT organisation_id FROM person WHERE email = ?").param(SignIn.WMCA_COMMISSIONER)
                .query(Long.class).single();
        long commissionerId = jdbc.sql("SELECT id FROM person WHERE email = ?").param(SignIn.WMCA_COMMISSIONER)
                .query(Long.class).single();
        long tiw = jdbc.sql("SELECT id FROM programme WHERE code = 'TIW'").query(Long.class).single();
        Trial trial = trials.createUnchecked(new TrialDesign(tiw, "J-" + UUID.randomUUID().toString().substring(0, 8)
                .toUpperCase(), "IPS journey trial", TrialUnit.PARTICIPANT, AllocationMethod.PERMUTED_BLOCKS,
                List.of(new Arm("IPS", "Individual placement and support", 1, false),
                        new Arm("USUAL", "Usual care", 1, true)),
                List.of(), List.of(1), 0.8, LocalDate.now().minusDays(10), LocalDate.now().plusYears(1), 100,
                EnumSet.of(Role.COMMISSIONER), "Signposted to usual care", List.of(12, 26)), wmca);
        CurrentUser commissioner = new CurrentUser(commissionerId, SignIn.WMCA_COMMISSIONER, "Tom Hughes", wmca,
                "West Midlands Combined Authority", EnumSet.of(Role.COMMISSIONER));
        for (int i = 0; i < 2; i++) {
            randomiser.randomise(commissioner, trial.id(), new UnitFacts(referral(), wmca, Map.of()));
        }
        jdbc.sql("UPDATE trial_follow_up SET due_on = CURRENT_DATE WHERE week = 12 AND allocation_id IN "
                + "(SELECT id FROM trial_allocation WHERE trial_id = ?)").param(trial.id()).update();

        signIn(SignIn.WMCA_COMMISSIONER, SignIn.DEMO_PASSWORD);
        open("/trials/" + trial.id());
        click(AriaRole.LINK, "Follow-up: points due and outcomes");
        assertThat(page.locator("body")).containsText("Outstanding points by week and arm");
        page.locator("table").last().getByRole(AriaRole.LINK).first().click();
        page.waitForLoadState();
        assertAccessible();
        assertThat(page.locator("body")).containsText("SWEMWBS");
        page.getByLabel("Yes, the outcome was collected").check();
        LocalDate today = LocalDate.now();
        page.locator("#assessedOn-day").fill(String.valueOf(today.getDayOfMonth()));
        page.locator("#assessedOn-month").fill(String.valueOf(today.getMonthValue()));
        page.locator("#assessedOn-year").fill(String.valueOf(today.getYear()));
        page.getByLabel("Yes", new Page.GetByLabelOptions().setExact(true)).check();
        page.getByLabel("Hours worked per week").fill("101");
        page.getByLabel("Wellbeing score").fill("27");
        click(AriaRole.BUTTON, "Save the outcome");
        assertThat(page.locator(".govuk-error-summary")).containsText("Hours per week must be a whole number from 0 to 100");
        assertThat(page.getByLabel("Wellbeing score")).hasValue("27");
        page.getByLabel("Hours worked per week").fill("30");
        click(AriaRole.BUTTON, "Save the outcome");
        assertThat(page.locator(".govuk-notification-banner")).containsText("Outcome recorded");

        open("/trials/" + trial.id());
        click(AriaRole.LINK, "CONSORT flow diagram");
        assertThat(page.locator("svg[role=img]")).hasCount(1);
        assertThat(page.locator("body")).containsText("Randomised (n=2)");
        String csv = new String(download("Download the numbers (CSV)"), StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThat(csv).contains("\"Enrolment\",\"\",\"Randomised\",2");
    }

    private long referral() {
        ReferralAnswers answers = new ReferralAnswers(false, null, null, null, "Robin", "Journey", LocalDate.of(1980, 4,
                4), null, "07700900456", null, "7 Bank Street", null, "Wolverhampton", "WV1 1AA",
                ContactPreference.PHONE, null, null, null, EmploymentStatus.UNEMPLOYED, LocalDate.now().minusWeeks(20),
                null, null, null, true, false, false, "Back pain", null, "Help to find work", true, false, null, null,
                null, null, null);
        return intake.submit(answers, ReferralSource.PUBLIC, null, null).id();
    }
}
