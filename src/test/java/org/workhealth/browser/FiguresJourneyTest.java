package org.workhealth.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.workhealth.SignIn;
import org.workhealth.organisation.Organisations;
import org.workhealth.performance.KpiDefinitions;
import org.workhealth.programme.Contract;
import org.workhealth.programme.NewContract;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;
import org.workhealth.programme.SupportType;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * A commissioner enters a quarter's figure for a programme run outside the service, corrects it and
 * reads its history; then sets the programme's RAG thresholds. Every page is checked with axe.
 */
class FiguresJourneyTest extends BrowserTest {

    private final Programmes programmes;
    private final Organisations organisations;
    private final KpiDefinitions definitions;

    @Autowired
    FiguresJourneyTest(Programmes programmes, Organisations organisations, KpiDefinitions definitions) {
        this.programmes = programmes;
        this.organisations = organisations;
        this.definitions = definitions;
    }

    @Test
    void aCommissionerEntersCorrectsAndReadsTheHistoryOfAFigure() {
        long wmca = organisations.findByName("West Midlands Combined Authority").orElseThrow().id();
        String code = "BJ" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Programme programme = programmes.createUnchecked(code, "Journey training " + code, SupportType.FIGURES_ONLY,
                null, wmca);
        definitions.seedDefaults(programme.id(), "MHFA");
        Contract contract = programmes.addContractUnchecked(new NewContract(code + "-2023", programme.id(), wmca, wmca,
                "West Midlands", LocalDate.of(2023, 4, 1), LocalDate.of(2025, 3, 31), null));

        signIn(SignIn.WMCA_COMMISSIONER, SignIn.DEMO_PASSWORD);
        open("/performance/figures");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("2023/24 for " + contract.reference())).click();
        assertAccessible();
        assertThat(page.locator("h1")).hasText("Figures for " + contract.reference() + ", 2023/24");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                .setName("Enter People trained, Q1 (April to June)")).click();
        assertAccessible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save figure")).click();
        assertAccessible();
        assertThat(page.locator(".govuk-error-summary")).containsText("Enter the figure");

        page.getByLabel("People trained in Q1 2023/24").fill("40");
        page.getByLabel("Note (optional)").fill("to May");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save figure")).click();
        assertAccessible();
        assertThat(page.locator(".govuk-notification-banner")).containsText("People trained for Q1 2023/24 entered: 40");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                .setName("Correct People trained, Q1 (April to June)")).click();
        assertAccessible();
        assertThat(page.locator(".govuk-inset-text")).containsText("The figure now is 40 (to May)");
        page.getByLabel("People trained in Q1 2023/24").fill("42");
        page.getByLabel("Note (optional)").fill("");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save figure")).click();
        assertAccessible();
        assertThat(page.locator(".govuk-notification-banner")).containsText("corrected: 42");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                .setName("History of People trained, Q1 (April to June)")).click();
        assertAccessible();
        assertThat(page.locator("#history tbody tr")).hasCount(2);
        assertThat(page.locator("#history tbody tr").nth(1)).containsText("Corrected");

        open("/performance/thresholds");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Change thresholds for " + programme.name()))
                .click();
        assertAccessible();
        page.getByLabel("Green from").fill("90");
        page.getByLabel("Amber from").fill("95");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save thresholds")).click();
        assertAccessible();
        assertThat(page.locator(".govuk-error-summary")).containsText("Amber must start at or below where green starts");
        page.getByLabel("Amber from").fill("75");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save thresholds")).click();
        assertAccessible();
        assertThat(page.locator(".govuk-notification-banner")).containsText("green from 90%, amber from 75%");
    }
}
