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
import org.workhealth.SignIn;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.People;
import org.workhealth.organisation.Person;
import org.workhealth.organisation.Role;
import org.workhealth.programme.Programmes;
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

import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;

/**
 * A national administrator uploads the area deprivation lookup (first with bad rows, which are listed and nothing
 * saved), then a commissioner reads a trial's equality report with the area table, small numbers hidden.
 */
class EqualityReportJourneyTest extends BrowserTest {

    private final Trials trials;
    private final Randomiser randomiser;
    private final ReferralIntake intake;
    private final Programmes programmes;
    private final People people;

    @Autowired
    EqualityReportJourneyTest(Trials trials, Randomiser randomiser, ReferralIntake intake, Programmes programmes,
            People people) {
        this.trials = trials;
        this.randomiser = randomiser;
        this.intake = intake;
        this.programmes = programmes;
        this.people = people;
    }

    @Test
    void anAdministratorUploadsTheLookupAndACommissionerReadsATrialsEqualityReport() {
        signIn(SignIn.NATIONAL_ADMIN, SignIn.DEMO_PASSWORD);
        click(AriaRole.LINK, "Area deprivation");
        assertThat(page.locator("h1")).hasText("Area deprivation lookup");

        upload("postcode,imd_decile\nWS1 1TP,2\nnot a postcode,3\nWV1 1AA,12\n");
        assertThat(page.locator(".govuk-error-summary")).containsText("The selected file has 2 rows with errors");
        assertThat(page.locator("#row-problems tbody tr")).hasCount(2);
        assertThat(page.locator("#row-problems")).containsText("Postcode must be a UK postcode, like BL9 0EJ");

        upload("postcode,imd_decile\nWS1 1TP,2\nWV1 1AA,9\n");
        assertThat(page.locator(".govuk-notification-banner")).containsText("now has 2 postcodes");
        assertThat(page.locator("#current-lookup")).containsText("journey.csv");

        Trial trial = trialWithSixRandomised();
        switchTo(SignIn.WMCA_COMMISSIONER);
        open("/trials/" + trial.id());
        click(AriaRole.LINK, "Equality report");
        assertThat(page.locator("h1")).hasText(trial.title() + ": equality report");
        assertThat(page.locator("#suppression")).containsText("Fewer than 5");
        // Six randomised, all at WS1 1TP (decile 2); the arms' counts are under 5 and hidden, whatever they are.
        assertThat(page.locator("#equality-area-deprivation tbody tr").first().locator("th, td").first())
                .hasText("1 to 2 (most deprived)");
        assertThat(page.locator("#equality-area-deprivation tbody tr").first().locator("td").first()).hasText("6");
        assertThat(page.locator("#equality-area-deprivation tbody tr").last().locator("td").first()).hasText("6");
        assertThat(page.locator("main")).not().containsText("Pemberton");
    }

    private void upload(String content) {
        page.locator("#file").setInputFiles(new FilePayload("journey.csv", "text/csv",
                content.getBytes(StandardCharsets.UTF_8)));
        click(AriaRole.BUTTON, "Upload and replace the lookup");
    }

    private Trial trialWithSixRandomised() {
        Person commissioner = people.findByEmail(SignIn.WMCA_COMMISSIONER).orElseThrow();
        Person specialist = people.findByEmail("specialist@bchft.workhealth.example").orElseThrow();
        TrialDesign design = new TrialDesign(programmes.findByCode("TIW").orElseThrow().id(),
                "J-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(), "Journey IPS trial",
                TrialUnit.PARTICIPANT, AllocationMethod.PERMUTED_BLOCKS,
                List.of(new Arm("IPS", "IPS", 1, false), new Arm("USUAL", "Usual care", 1, true)), List.of(),
                List.of(1, 2), 0.8, LocalDate.now().minusDays(10), LocalDate.now().plusYears(1), 100,
                EnumSet.of(Role.COMMISSIONER), "Signposted to usual care", List.of(12));
        Trial trial = trials.createUnchecked(design, commissioner.organisationId());
        CurrentUser actor = new CurrentUser(specialist.id(), specialist.email(), specialist.fullName(),
                specialist.organisationId(), "Black Country Healthcare NHS Foundation Trust", specialist.roleSet());
        for (int i = 0; i < 6; i++) {
            ReferralAnswers answers = new ReferralAnswers(false, null, null, null, "Jo", "Pemberton"
                    + UUID.randomUUID().toString().replaceAll("[^a-f]", ""), LocalDate.of(1990, 1, 1), null,
                    "07700 900321", null, null, null, null, "ws11tp", ContactPreference.PHONE, null, null, null,
                    EmploymentStatus.UNEMPLOYED, LocalDate.now().minusWeeks(8), null, null, null, true, false, false,
                    "Anxiety", "NO", "Help to find work", true, false, i % 2 == 0 ? "FEMALE" : "MALE", null, null,
                    null, null);
            long referral = intake.submit(answers, ReferralSource.PUBLIC, null, null).id();
            randomiser.randomise(actor, trial.id(), new UnitFacts(referral, specialist.organisationId(), Map.of()));
        }
        return trial;
    }
}
