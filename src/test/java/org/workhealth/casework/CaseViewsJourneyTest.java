package org.workhealth.casework;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.workhealth.TestData.today;

import java.sql.Timestamp;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.workhealth.SignIn;
import org.workhealth.browser.BrowserTest;
import org.workhealth.organisation.Organisations;
import org.workhealth.organisation.People;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;
import org.workhealth.programme.SupportType;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;

/** The practitioner home and the caseloads page in a browser, with axe-core on every page. */
class CaseViewsJourneyTest extends BrowserTest {

    private final JdbcClient jdbc;
    private final ViewsTestCases cases;

    @Autowired
    CaseViewsJourneyTest(JdbcClient jdbc, Programmes programmes, Organisations organisations, Casework casework,
            People people) {
        this.jdbc = jdbc;
        this.cases = new ViewsTestCases(jdbc, programmes, organisations, casework, people);
    }

    @Test
    void aPractitionerSeesTheirDayAndTheManagerReassignsACase() {
        Programme ips = cases.programme(SupportType.INTENSIVE_IPS);
        ViewsTestCases.Staff coach = cases.practitioner(ViewsTestCases.BURY);
        ViewsTestCases.Staff colleague = cases.practitioner(ViewsTestCases.BURY);
        ViewsTestCases.TestCase first = cases.open(ips, ViewsTestCases.BURY, coach.id(), "UNEMPLOYED");
        cases.open(ips, ViewsTestCases.BURY, coach.id(), "EMPLOYED");
        jdbc.sql("""
                INSERT INTO appointment (case_id, starts_at, channel, place, one_to_one, status, recorded_by, recorded_at)
                VALUES (?, ?, 'FACE_TO_FACE', 'Bury Library', TRUE, 'PLANNED', ?, ?)
                """).params(first.id(), Timestamp.valueOf(today().plusDays(1).atTime(10, 30)),
                coach.id(), new Timestamp(System.currentTimeMillis())).update();

        signIn(coach.email(), SignIn.DEMO_PASSWORD);
        page.locator(".govuk-service-navigation").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator
                .GetByRoleOptions().setName("Cases").setExact(true)).click();
        assertAccessible();
        assertThat(page.locator("h1")).hasText("Your cases");
        assertThat(page.locator("#appointments-coming-table")).containsText("Bury Library");
        assertThat(page.locator("table[aria-labelledby=open-cases]")).containsText(first.fullName());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();

        signIn(SignIn.BURY_MANAGER, SignIn.DEMO_PASSWORD);
        open("/caseloads");
        assertThat(page.locator(".govuk-warning-text").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText(ips.name()))).containsText("50%");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(coach.fullName())).click();
        assertAccessible();
        assertThat(page.locator("#held-heading")).hasText("Cases held by " + coach.fullName());

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reassign case " + first.reference()))
                .click();
        assertAccessible();
        assertThat(page.locator(".govuk-error-summary")).containsText("Select the practitioner to give case");

        page.getByLabel("New key worker for case " + first.reference())
                .selectOption(new SelectOption().setLabel(colleague.fullName()));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reassign case " + first.reference()))
                .click();
        assertAccessible();
        assertThat(page.locator(".govuk-notification-banner"))
                .containsText("Case " + first.reference() + " reassigned to " + colleague.fullName());
    }
}
