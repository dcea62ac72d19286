package org.workhealth.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.workhealth.SignIn;
import org.workhealth.milestone.MilestoneType;
import org.workhealth.milestone.Milestones;
import org.workhealth.milestone.NewMilestone;
import org.workhealth.organisation.Organisations;
import org.workhealth.performance.KpiDefinitions;
import org.workhealth.programme.Contract;
import org.workhealth.programme.NewContract;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;
import org.workhealth.programme.SupportType;
import org.workhealth.returns.ReturnExamples;

import com.microsoft.playwright.options.AriaRole;

/**
 * Issue 7's journey: Bury compiles and submits its quarter's return; the hub returns it with a comment; Bury
 * records what was missing, compiles version 2 and submits it; the hub sees what changed and approves it, collates
 * the quarter and sends it; a national user downloads it as CSV and XLSX, with no name in either.
 */
class ReturnJourneyTest extends BrowserTest {

    private final Programmes programmes;
    private final Organisations organisations;
    private final KpiDefinitions kpis;
    private final ReturnExamples returns;
    private final Milestones milestones;
    private final JourneyCases cases;

    @Autowired
    ReturnJourneyTest(Programmes programmes, Organisations organisations, KpiDefinitions kpis,
            ReturnExamples returns, Milestones milestones, JourneyCases cases) {
        this.programmes = programmes;
        this.organisations = organisations;
        this.kpis = kpis;
        this.returns = returns;
        this.milestones = milestones;
        this.cases = cases;
    }

    @Test
    void compileSubmitReturnResubmitApproveCollateAndDownload() {
        String code = "RJ" + UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase();
        long gm = organisations.findByName("NHS Greater Manchester").orElseThrow().id();
        long bury = organisations.findByName("Bury Council Live Well service").orElseThrow().id();
        Programme programme = programmes.createUnchecked(code, "Early support " + code, SupportType.LOW_INTENSITY,
                null, gm);
        programme = programmes.addCohortUnchecked(programme.id(), "C1", "In work, at risk", null);
        long cohort = programme.cohorts().iterator().next().id();
        kpis.seedDefaults(programme.id(), "WW");
        returns.standard(programme.id(), "Early support quarterly data return");
        Contract contract = programmes.addContractUnchecked(new NewContract(code + "-BURY", programme.id(), bury, gm,
                "Bury", LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31), null));
        long first = participant(programme, contract, cohort, LocalDate.of(2026, 7, 1));
        participant(programme, contract, cohort, LocalDate.of(2026, 8, 3));
        String name = programme.name();

        // Bury's manager compiles the Q2 return and submits it.
        signIn(SignIn.BURY_MANAGER, SignIn.DEMO_PASSWORD);
        open("/returns");
        page.waitForNavigation(() -> page.locator("tr[data-programme=" + code + "][data-quarter='Q2 2026/27'] a")
                .click());
        assertAccessible();
        click(AriaRole.BUTTON, "Compile the return");
        assertThat(page.locator(".govuk-notification-banner")).containsText("2 participants");
        assertThat(page.locator("#figures tr[data-kpi=ENGAGED] [data-column=figure]")).hasText("2");
        click(AriaRole.BUTTON, "Submit the return");
        assertThat(page.locator("#status")).containsText("Submitted");

        // The hub returns it with a comment, after first forgetting the comment.
        switchTo(SignIn.GM_COMMISSIONER);
        open("/returns");
        click(AriaRole.LINK, name + " returns for 2026/27");
        click(AriaRole.LINK, "review Bury Council Live Well service Q2");
        click(AriaRole.LINK, "Return it with comments");
        click(AriaRole.BUTTON, "Return the return");
        assertThat(page.locator(".govuk-error-summary")).containsText("Enter what the locality needs to put right");
        page.getByLabel("What does the locality need to put right?")
                .fill("The first participant's job start in September is missing");
        click(AriaRole.BUTTON, "Return the return");
        assertThat(page.locator("#status")).containsText("Returned");

        // Bury reads the comment, records the job start and submits version 2.
        switchTo(SignIn.BURY_MANAGER);
        open("/returns/" + code + "/2026/2");
        assertThat(page.locator("#comment")).containsText("job start in September is missing");
        milestones.record(new NewMilestone(MilestoneType.JOB_START, first, null, programme.id(), contract.id(), bury,
                LocalDate.of(2026, 9, 21), Map.of(), null));
        click(AriaRole.BUTTON, "Compile the return again");
        assertThat(page.locator("#compiled")).containsText("Version 2");
        assertThat(page.locator("#figure-changes")).containsText("Job outcomes");
        click(AriaRole.BUTTON, "Submit the return");

        // The hub sees what changed, approves, collates and sends.
        switchTo(SignIn.GM_COMMISSIONER);
        open("/returns/board/" + code + "/2026");
        assertThat(page.locator("tr[data-organisation='Bury Council Live Well service'] td[data-quarter='2']"))
                .containsText("Submitted");
        click(AriaRole.LINK, "review Bury Council Live Well service Q2");
        assertThat(page.locator("#changes")).hasText("Changes from version 1");
        assertThat(page.locator("#changed")).containsText("Date of job start empty to 21 September 2026");
        click(AriaRole.BUTTON, "Approve the return");
        assertThat(page.locator("#status")).containsText("Approved");
        click(AriaRole.LINK, "Status board");
        click(AriaRole.LINK, "collate Q2");
        click(AriaRole.BUTTON, "Collate the returns");
        assertThat(page.locator("#collated-rows")).hasText("2");
        click(AriaRole.BUTTON, "Mark as sent to the national department");
        assertThat(page.locator("#collated-status")).containsText("Sent");

        // A national user finds it and downloads it; neither file names anyone.
        switchTo(SignIn.NATIONAL);
        open("/returns");
        click(AriaRole.LINK, name + " Q2 2026/27");
        assertThat(page.locator("#extract td[data-column=LOCALITY]")).hasCount(2);
        String csv = new String(download("Participant rows as CSV"), StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThat(csv).startsWith("Locality,Participant ID")
                .contains("2026-09-21").doesNotContain("Riley").doesNotContain("Journey")
                .doesNotContain("07700900321").doesNotContain("BL9 0EJ");
        // An XLSX workbook is a zip file.
        org.assertj.core.api.Assertions.assertThat(new String(download("The whole return as a spreadsheet"), 0, 2,
                StandardCharsets.US_ASCII)).isEqualTo("PK");
    }

    /** A participant referred and engaged on the day, with an action plan agreed a week later. */
    private long participant(Programme programme, Contract contract, long cohort, LocalDate on) {
        long caseId = cases.open(programme.id(), cohort, contract.providerOrganisationId(), on);
        milestones.record(new NewMilestone(MilestoneType.ENGAGEMENT, caseId, null, programme.id(), contract.id(),
                contract.providerOrganisationId(), on, Map.of(), null));
        milestones.record(new NewMilestone(MilestoneType.ACTION_PLAN_AGREED, caseId, null, programme.id(),
                contract.id(), contract.providerOrganisationId(), on.plusWeeks(1), Map.of(), null));
        return caseId;
    }
}
