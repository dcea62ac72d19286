package org.workhealth.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.EnumSet;
import java.util.UUID;

import com.microsoft.playwright.options.AriaRole;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.workhealth.organisation.NewPerson;
import org.workhealth.organisation.People;
import org.workhealth.organisation.Person;
import org.workhealth.organisation.Role;

/**
 * One hub administrator asks for a role that shows personal data for a colleague; a second approves it; the
 * colleague sees on their account page who gave it.
 */
class RoleApprovalJourneyTest extends BrowserTest {

    private static final String PASSWORD = "meadow copper signal 2026";

    @Autowired
    People people;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSecondAdministratorApprovesARoleAndThePersonSeesWhoGaveIt() {
        long gm = jdbc.sql("SELECT id FROM organisation WHERE name = 'NHS Greater Manchester'").query(Long.class)
                .single();
        Person first = person("Priya First", gm, Role.ADMINISTRATOR);
        Person second = person("Sam Second", gm, Role.ADMINISTRATOR);
        Person analyst = person("Alex Analyst", gm, Role.REFERRER);

        signIn(first.email(), PASSWORD);
        open("/people/" + analyst.id() + "/roles");
        page.getByLabel("Commissioner").check();
        click(AriaRole.BUTTON, "Save roles");
        assertThat(page.locator(".govuk-inset-text")).containsText("Commissioner will be added when another administrator approves");
        assertThat(page.locator("table")).containsText("Another administrator must decide");

        context.clearCookies();
        signIn(second.email(), PASSWORD);
        open("/people");
        page.getByRole(AriaRole.LINK, new com.microsoft.playwright.Page.GetByRoleOptions()
                .setName("Commissioner for Alex Analyst, asked for by Priya First")).click();
        assertAccessible();
        click(AriaRole.BUTTON, "Approve Commissioner role");
        assertThat(page.locator(".govuk-notification-banner")).containsText("Commissioner role given");

        context.clearCookies();
        signIn(analyst.email(), PASSWORD);
        open("/account");
        assertThat(page.locator("main")).containsText("You were given the role Commissioner by Sam Second on");
    }

    private Person person(String name, long organisationId, Role role) {
        return people.createWithPassword(new NewPerson(name, "journey-" + UUID.randomUUID() + "@example.com",
                organisationId, EnumSet.of(role)), PASSWORD);
    }
}
