package org.workhealth.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.workhealth.SignIn;
import org.workhealth.funding.internal.PopulationFigures;
import org.workhealth.organisation.Organisations;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;

/**
 * Issue 6's fair shares: the Greater Manchester commissioner sets Bury's and Oldham's populations, shares a
 * WorkWell pot among the hub's localities (first with pence in the pot, which is refused) and reads the table.
 */
class AllocationJourneyTest extends BrowserTest {

    private final Organisations organisations;
    private final PopulationFigures populations;
    private final JdbcClient jdbc;

    @Autowired
    AllocationJourneyTest(Organisations organisations, PopulationFigures populations, JdbcClient jdbc) {
        this.organisations = organisations;
        this.populations = populations;
        this.jdbc = jdbc;
    }

    @Test
    void aCommissionerSetsPopulationsAndSharesAPotAmongTheLocalities() {
        givePopulationsToOtherLocalitiesOfGreaterManchester();
        String name = "WorkWell fair shares " + UUID.randomUUID().toString().substring(0, 8);

        signIn(SignIn.GM_COMMISSIONER, SignIn.DEMO_PASSWORD);
        open("/funding/populations");
        setPopulation("Bury", "193,846");
        setPopulation("Oldham", "242,150");
        assertThat(page.locator("tr[data-locality=Bury] td[data-column=population]")).hasText("193,846");

        open("/funding/allocations");
        click(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Share a pot")));
        page.getByLabel("Name of the allocation").fill(name);
        page.getByLabel("Programme", new Page.GetByLabelOptions().setExact(true))
                .selectOption(new SelectOption().setLabel("WorkWell"));
        page.getByLabel("Pot to share").fill("432,927.50");
        page.getByLabel("Period the allocation covers").fill("October 2024 to March 2026 (18 months)");
        click(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Share the pot")));
        assertThat(page.locator(".govuk-error-summary")).containsText("Enter the pot in whole pounds, without pence");
        assertThat(page.getByLabel("Name of the allocation")).hasValue(name);
        assertThat(page.getByLabel("Basic share")).hasValue("60");

        page.getByLabel("Pot to share").fill("432,927");
        click(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Share the pot")));
        assertThat(page.locator(".govuk-notification-banner")).containsText("£432,927 shared among");
        assertThat(page.locator("h1")).hasText(name);
        assertThat(page.locator("tr[data-locality=Bury] td[data-column=population]")).hasText("193,846");
        assertThat(page.locator("tr[data-locality=Oldham] td[data-column=population]")).hasText("242,150");
        assertThat(page.locator("tfoot td[data-column=allocation]")).hasText("£432,927");
        assertThat(page.locator("tfoot td[data-column=percent]")).hasText("100.00%");

        open("/funding/allocations");
        click(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name)));
        assertThat(page.locator("tfoot td[data-column=allocation]")).hasText("£432,927");
    }

    /** Other tests may add localities to the demo hub; the pot is only shared once every one has a population. */
    private void givePopulationsToOtherLocalitiesOfGreaterManchester() {
        long gm = organisations.findByName("NHS Greater Manchester").orElseThrow().id();
        jdbc.sql("""
                SELECT o.id FROM organisation o
                WHERE o.parent_id = ? AND o.type_code = 'LOCALITY'
                  AND NOT EXISTS (SELECT 1 FROM funding_locality_population p WHERE p.organisation_id = o.id)""")
                .param(gm).query(Long.class).list().stream()
                .filter(id -> !Set.of(id("Bury"), id("Oldham")).contains(id))
                .forEach(id -> populations.setUnchecked(id, 100_000, 2024, null));
    }

    private long id(String name) {
        return organisations.findByName(name).orElseThrow().id();
    }

    private void setPopulation(String locality, String population) {
        click(page.locator("tr[data-locality=" + locality + "] a"));
        page.getByLabel("Population of " + locality).fill(population);
        page.getByLabel("Year the estimate is for").fill("2024");
        page.getByLabel("Source (optional)").fill("ONS mid-2024 population estimates");
        click(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save population")));
        assertThat(page.locator(".govuk-notification-banner")).containsText("Population of " + locality);
    }

    private void click(Locator target) {
        // Wait for the next page, so that axe checks it and not the one being left.
        page.waitForNavigation(() -> target.first().click());
        assertAccessible();
    }
}
