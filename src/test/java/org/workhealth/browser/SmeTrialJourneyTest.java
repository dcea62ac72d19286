package org.workhealth.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.workhealth.SignIn;
import org.workhealth.calendar.Quarter;
import org.workhealth.employer.Employer;
import org.workhealth.employer.EmployerExamples;
import org.workhealth.employer.Employers;
import org.workhealth.organisation.People;
import org.workhealth.organisation.Person;
import org.workhealth.organisation.Role;
import org.workhealth.programme.Programmes;
import org.workhealth.trial.internal.AllocationMethod;
import org.workhealth.trial.Arm;
import org.workhealth.trial.Trial;
import org.workhealth.trial.internal.TrialDesign;
import org.workhealth.trial.TrialUnit;
import org.workhealth.trial.Trials;

import com.microsoft.playwright.options.AriaRole;

/**
 * Issue 16's SME trial: the West Midlands commissioner sets up the grant plan, randomises an SME after confirming
 * its eligibility and who agreed for it, records that the first instalment's condition is met and pays it, and
 * finds the payment on Thrive at Work's claim statement. The trial has the grant arm only, so the journey does not
 * depend on the draw.
 */
class SmeTrialJourneyTest extends BrowserTest {

    private final ApplicationContext context;

    @Autowired
    SmeTrialJourneyTest(ApplicationContext context) {
        this.context = context;
    }

    @Test
    void aCommissionerRandomisesAnSmeAndPaysItsFirstInstalment() {
        Programmes programmes = context.getBean(Programmes.class);
        Person commissioner = context.getBean(People.class).findByEmail(SignIn.WMCA_COMMISSIONER).orElseThrow();
        long agreement = org.workhealth.trial.employer.SmeWalkRecords.agreement(context);
        Trial trial = context.getBean(Trials.class).createUnchecked(new TrialDesign(
                programmes.findByCode("TAW").orElseThrow().id(), "SMEJ-" + UUID.randomUUID().toString().substring(0, 8),
                "Journey SME trial", TrialUnit.EMPLOYER, AllocationMethod.PERMUTED_BLOCKS,
                List.of(new Arm("GRANT", "Wellbeing Premium grant", 1, false), new Arm("USUAL", "Usual support", 1, true)),
                List.of(), List.of(1, 2), 0.8, LocalDate.now().minusDays(30), LocalDate.now().plusYears(1), 10,
                EnumSet.of(Role.COMMISSIONER), "Usual support", List.of(26)), commissioner.organisationId());
        List<Employer> smes = context.getBean(Employers.class).findAll(context.getBean(EmployerExamples.class)
                .smes(3, "Journey " + UUID.randomUUID().toString().substring(0, 6)));

        signIn(SignIn.WMCA_COMMISSIONER, SignIn.DEMO_PASSWORD);
        open("/trials/" + trial.id());
        click(AriaRole.LINK, "SMEs in this trial: randomise, grants and drop-outs");
        click(AriaRole.LINK, "Set up the grant plan");
        page.getByLabel("Funding agreement the grants are paid from").selectOption(String.valueOf(agreement));
        page.getByLabel("Amount, in pounds").fill("1,000.00");
        page.getByLabel("Condition to meet before it is paid").fill("On signing the grant agreement");
        click(AriaRole.BUTTON, "Add instalment");
        assertThat(page.locator(".govuk-table")).containsText("£1,000.00");

        // One stratum, blocks of 2 or 4 holding both arms equally: one of the first three SMEs is in the grant arm.
        Employer sme = null;
        for (Employer each : smes) {
            open("/trials/" + trial.id() + "/employers");
            click(AriaRole.LINK, "Assess " + each.name());
            page.getByLabel("Who agreed for the employer").fill("Sam Carter, managing director");
            if (sme == null && each == smes.get(0)) {
                click(AriaRole.BUTTON, "Randomise");
                assertThat(page.locator(".govuk-error-summary")).containsText("Confirm the employer meets");
                assertThat(page.getByLabel("Who agreed for the employer")).hasValue("Sam Carter, managing director");
            }
            page.getByLabel("The employer meets the trial’s eligibility criteria").check();
            page.getByLabel("The employer has agreed to take part in the trial").check();
            click(AriaRole.BUTTON, "Randomise");
            assertThat(page.locator(".govuk-panel")).containsText("Allocated to");
            if (page.locator(".govuk-panel").textContent().contains("Wellbeing Premium grant")) {
                sme = each;
                break;
            }
        }
        org.assertj.core.api.Assertions.assertThat(sme).as("an SME in the grant arm").isNotNull();

        click(AriaRole.LINK, "See the employer’s grant and status");
        click(AriaRole.LINK, "Instalment 1");
        page.getByLabel("Reference of the evidence you checked").fill("GA-2026-17");
        LocalDate today = LocalDate.now();
        page.getByLabel("Day").fill(String.valueOf(today.getDayOfMonth()));
        page.getByLabel("Month").fill(String.valueOf(today.getMonthValue()));
        page.getByLabel("Year").fill(String.valueOf(today.getYear()));
        click(AriaRole.BUTTON, "Record condition met");
        click(AriaRole.BUTTON, "Pay £1,000.00");
        assertThat(page.locator(".govuk-notification-banner")).containsText("Instalment 1 paid");
        assertThat(page.locator(".govuk-table")).containsText("Paid");

        Quarter quarter = Quarter.containing(today);
        open("/funding/agreements/" + agreement + "/claims/" + quarter.financialYear().startYear() + "/"
                + quarter.number());
        assertThat(page.locator("main")).containsText("Grant instalment to an employer");
        assertThat(page.locator("main")).containsText(sme.name());
        assertThat(page.locator("main")).containsText("£1,000.00");
    }
}
