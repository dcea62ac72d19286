package org.workhealth.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.workhealth.SignIn;
import org.workhealth.calendar.FinancialYear;
import org.workhealth.calendar.Quarter;
import org.workhealth.casework.Casework;
import org.workhealth.casework.OpenCase;
import org.workhealth.organisation.Organisations;
import org.workhealth.performance.KpiDefinitions;
import org.workhealth.programme.Contract;
import org.workhealth.programme.NewContract;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;
import org.workhealth.programme.SupportType;
import org.workhealth.referral.internal.ContactPreference;
import org.workhealth.referral.EmploymentStatus;
import org.workhealth.referral.internal.ReferralAnswers;
import org.workhealth.referral.internal.ReferralIntake;
import org.workhealth.referral.internal.ReferralSource;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;

/**
 * Issue 5's journey: a commissioner sets a contract's targets, a coach records a job start, the dashboard
 * counts it, and the board report downloads as PDF and spreadsheet. A WorkWell-like programme of its own,
 * with a contract live this financial year, keeps the shared database's other figures out of it.
 */
class PerformanceJourneyTest extends BrowserTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final JdbcClient jdbc;
    private final ReferralIntake intake;
    private final Programmes programmes;
    private final Organisations organisations;
    private final Casework casework;
    private final KpiDefinitions kpis;

    @Autowired
    PerformanceJourneyTest(JdbcClient jdbc, ReferralIntake intake, Programmes programmes, Organisations organisations,
            Casework casework, KpiDefinitions kpis) {
        this.jdbc = jdbc;
        this.intake = intake;
        this.programmes = programmes;
        this.organisations = organisations;
        this.casework = casework;
        this.kpis = kpis;
    }

    @Test
    void targetsAreSetAnOutcomeIsRecordedTheDashboardCountsItAndTheReportDownloads() {
        LocalDate today = LocalDate.now(LONDON);
        FinancialYear year = FinancialYear.containing(today);
        Quarter quarter = Quarter.containing(today);
        String code = "PJ" + UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase();
        long gm = organisations.findByName("NHS Greater Manchester").orElseThrow().id();
        long bury = organisations.findByName("Bury Council Live Well service").orElseThrow().id();
        Programme programme = programmes.createUnchecked(code, "Work and health " + code, SupportType.LOW_INTENSITY,
                null, gm);
        kpis.seedDefaults(programme.id(), "WW");
        Contract contract = programmes.addContractUnchecked(new NewContract(code + "-BURY", programme.id(), bury, gm,
                "Bury", year.start(), year.end(), null));
        long caseId = openCase(programme.id(), bury, today.minusWeeks(2));
        String dashboard = "/performance/" + code + "/" + year.startYear();
        String jobOutcomes = "tr[data-kpi=JOB_OUTCOMES]";
        String thisQuarter = "td[data-column=q" + quarter.number() + "-actual]";

        // The commissioner sets this year's targets: 12 job outcomes, this quarter's forecast 3.
        signIn(SignIn.GM_COMMISSIONER, SignIn.DEMO_PASSWORD);
        open(dashboard);
        assertThat(page.locator(jobOutcomes + " td[data-column=total]")).hasText("Not set");
        assertThat(page.locator(jobOutcomes + " " + thisQuarter)).containsText("0");
        click(AriaRole.LINK, contract.reference());
        Locator fieldset = page.locator("fieldset").filter(new Locator.FilterOptions().setHasText("Job outcomes"));
        fieldset.getByLabel("Total target for the year").fill("twelve");
        click(AriaRole.BUTTON, "Save targets");
        assertThat(page.locator(".govuk-error-summary")).containsText("must be a whole number");
        fieldset.getByLabel("Total target for the year").fill("12");
        fieldset.locator("input[name$='-q" + quarter.number() + "']").fill("3");
        click(AriaRole.BUTTON, "Save targets");
        assertThat(page.locator(".govuk-notification-banner")).containsText("saved");
        open(dashboard);
        assertThat(page.locator(jobOutcomes + " td[data-column=total]")).hasText("12");
        assertThat(page.locator(jobOutcomes + " td[data-column=q" + quarter.number() + "-forecast]"))
                .containsText("3");

        // The coach records a paid job start today.
        context.clearCookies();
        signIn(SignIn.BURY_COACH, SignIn.DEMO_PASSWORD);
        open("/cases/" + caseId + "/outcomes");
        click(AriaRole.LINK, "Record a job start");
        page.locator("#occurredOn-day").fill(String.valueOf(today.getDayOfMonth()));
        page.locator("#occurredOn-month").fill(String.valueOf(today.getMonthValue()));
        page.locator("#occurredOn-year").fill(String.valueOf(today.getYear()));
        page.getByLabel("Employer").fill("Bury Foods Ltd");
        page.getByLabel("Job title").fill("Warehouse operative");
        page.locator("#sector").selectOption("H");
        page.getByLabel("Hours a week").fill("30");
        page.getByLabel("Permanent").check();
        page.locator("input[name=paid][value=yes]").check();
        click(AriaRole.BUTTON, "Save outcome");
        assertThat(page.locator(".govuk-notification-banner")).containsText("Job start recorded");

        // The commissioner's dashboard counts it in this quarter, so far.
        context.clearCookies();
        signIn(SignIn.GM_COMMISSIONER, SignIn.DEMO_PASSWORD);
        open(dashboard);
        assertThat(page.locator(jobOutcomes + " " + thisQuarter)).containsText("1");
        assertThat(page.locator(jobOutcomes + " td[data-column=cumulative]")).containsText("1");

        // The board report, on the page and as downloads.
        open("/performance/reports");
        page.getByLabel(programme.name()).check();
        page.getByLabel("Up to the end of which quarter?").selectOption(new SelectOption()
                .setValue(quarter.financialYear().startYear() + "-Q" + quarter.number()));
        click(AriaRole.BUTTON, "Show report");
        assertThat(page.locator("section[data-programme=" + code + "] " + jobOutcomes + " td[data-column=total]"))
                .hasText("12");
        byte[] pdf = download("Download as PDF");
        org.assertj.core.api.Assertions.assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        byte[] xlsx = download("Download as spreadsheet");
        // An XLSX workbook is a zip file.
        org.assertj.core.api.Assertions.assertThat(new String(xlsx, 0, 2, StandardCharsets.US_ASCII)).isEqualTo("PK");
    }

    @Test
    void aCommissionerLooksAfterTheProgrammesKpis() {
        signIn(SignIn.WMCA_COMMISSIONER, SignIn.DEMO_PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Programmes").setExact(true)).first().click();
        click(AriaRole.LINK, "Thrive into Work");
        click(AriaRole.LINK, "KPIs of this programme");
        assertThat(page.locator("body")).containsText("Existing Employment Retentions");
        click(AriaRole.BUTTON, "Add a KPI");
        click(AriaRole.BUTTON, "Add KPI");
        assertThat(page.locator(".govuk-error-summary")).containsText("Enter a code for the KPI");
    }
    private long openCase(long programmeId, long provider, LocalDate openedOn) {
        String lastName = "Figures" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        ReferralAnswers answers = new ReferralAnswers(false, null, null, null, "Robin", lastName,
                LocalDate.of(1979, 6, 6), null, "07700900654", null, "7 Silver Street", null, "Bury", "BL9 0EJ",
                ContactPreference.PHONE, null, null, null, EmploymentStatus.UNEMPLOYED, openedOn.minusWeeks(10),
                null, null, null, true, false, false, "Back pain", null, "Help to find work", true, false, null, null,
                null, null, null);
        ReferralIntake.Submitted submitted = intake.submit(answers, ReferralSource.PUBLIC, null, null);
        long coach = jdbc.sql("SELECT id FROM person WHERE email = ?").param(SignIn.BURY_COACH).query(Long.class)
                .single();
        return casework.openCase(new OpenCase(submitted.id(), submitted.reference(), programmeId, null, provider,
                coach, EmploymentStatus.UNEMPLOYED.name(), openedOn));
    }
}
