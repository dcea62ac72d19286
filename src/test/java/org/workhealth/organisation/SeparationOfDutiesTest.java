package org.workhealth.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.workhealth.SignIn;

/**
 * Nobody changes their own roles, and a role that shows personal data needs two people: an administrator of an
 * organisation above the person's, or a second administrator of their own. The person is told who gave it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SeparationOfDutiesTest {

    private static final String PASSWORD = "separation-of-duties-2026";

    @Autowired
    MockMvc mvc;

    @Autowired
    People people;

    @Autowired
    PersonRoles personRoles;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAdministratorCannotGiveThemselvesRolesEvenByPostingTheForm() throws Exception {
        Person admin = person("GM admin", org("NHS Greater Manchester"), Role.ADMINISTRATOR);
        MockHttpSession session = SignIn.as(mvc, admin.email(), PASSWORD);

        mvc.perform(get("/people/" + admin.id()).session(session)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/people/" + admin.id() + "/roles"))))
                .andExpect(content().string(containsString("You cannot change your own roles")));
        mvc.perform(get("/people/" + admin.id() + "/roles").session(session)).andExpect(status().isNotFound());
        mvc.perform(post("/people/" + admin.id() + "/roles").session(session).with(csrf())
                .param("roles", "ADMINISTRATOR", "PRACTITIONER", "COMMISSIONER")).andExpect(status().isNotFound());

        assertThat(roles(admin)).containsExactly(Role.ADMINISTRATOR);
        assertThat(grantRows(admin)).isZero();
        mvc.perform(get("/cases").session(session)).andExpect(status().is4xxClientError());
    }

    @Test
    void anAdministratorOfAnOrganisationAboveGivesARoleAtOnceAndThePersonIsToldWhoGaveIt() throws Exception {
        Person coach = person("Bury coach", org("Bury Council Live Well service"), Role.REFERRER);
        MockHttpSession gmAdmin = SignIn.as(mvc, SignIn.GM_ADMIN);

        mvc.perform(post("/people/" + coach.id() + "/roles").session(gmAdmin).with(csrf())
                .param("roles", "REFERRER", "PRACTITIONER")).andExpect(status().is3xxRedirection());

        assertThat(roles(coach)).containsExactlyInAnyOrder(Role.REFERRER, Role.PRACTITIONER);
        String gmAdminName = people.findByEmail(SignIn.GM_ADMIN).orElseThrow().fullName();
        MockHttpSession coachSession = SignIn.as(mvc, coach.email(), PASSWORD);
        mvc.perform(get("/account").session(coachSession)).andExpect(status().isOk())
                .andExpect(content().string(containsString("You were given the role Practitioner by " + gmAdminName + " on ")));
    }

    @Test
    void aRoleThatShowsPersonalDataAskedForInTheSameOrganisationWaitsForASecondAdministrator() throws Exception {
        long gm = org("NHS Greater Manchester");
        Person first = person("First admin", gm, Role.ADMINISTRATOR);
        Person second = person("Second admin", gm, Role.ADMINISTRATOR);
        Person analyst = person("Analyst", gm, Role.REFERRER);
        MockHttpSession firstSession = SignIn.as(mvc, first.email(), PASSWORD);

        mvc.perform(post("/people/" + analyst.id() + "/roles").session(firstSession).with(csrf())
                .param("roles", "REFERRER", "COMMISSIONER")).andExpect(status().is3xxRedirection());
        assertThat(roles(analyst)).containsExactly(Role.REFERRER);
        List<RoleGrants.Grant> pending = personRoles.pendingGrants(currentUser(second), analyst.id());
        assertThat(pending).extracting(RoleGrants.Grant::role).containsExactly(Role.COMMISSIONER);
        long grantId = pending.get(0).id();

        // The administrator who asked cannot approve it, even by posting the form.
        mvc.perform(get("/people/" + analyst.id()).session(firstSession)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Another administrator must decide")))
                .andExpect(content().string(not(containsString("/grants/" + grantId + "/approve"))));
        mvc.perform(post("/people/" + analyst.id() + "/grants/" + grantId + "/approve").session(firstSession)
                .with(csrf())).andExpect(status().isNotFound());
        assertThat(roles(analyst)).containsExactly(Role.REFERRER);

        // Nor can an administrator of another organisation, nor the person, by editing the URL.
        Person elsewhere = person("WMCA admin", org("West Midlands Combined Authority"), Role.ADMINISTRATOR);
        mvc.perform(post("/people/" + analyst.id() + "/grants/" + grantId + "/approve")
                .session(SignIn.as(mvc, elsewhere.email(), PASSWORD)).with(csrf())).andExpect(status().isNotFound());
        assertThat(roles(analyst)).containsExactly(Role.REFERRER);

        // A second administrator sees it waiting and approves it; approving again changes nothing.
        MockHttpSession secondSession = SignIn.as(mvc, second.email(), PASSWORD);
        mvc.perform(get("/people").session(secondSession))
                .andExpect(content().string(containsString("Commissioner for " + analyst.fullName())));
        mvc.perform(post("/people/" + analyst.id() + "/grants/" + grantId + "/approve").session(secondSession)
                .with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/people/" + analyst.id() + "/grants/" + grantId + "/approve").session(secondSession)
                .with(csrf())).andExpect(status().isNotFound());
        assertThat(roles(analyst)).containsExactlyInAnyOrder(Role.REFERRER, Role.COMMISSIONER);

        mvc.perform(get("/account").session(SignIn.as(mvc, analyst.email(), PASSWORD)))
                .andExpect(content().string(containsString("You were given the role Commissioner by Second admin")));
        assertThat(jdbc.sql("""
                SELECT action FROM audit_event WHERE record_type = 'person' AND record_id = ? ORDER BY id""")
                .param(String.valueOf(analyst.id())).query(String.class).list()).contains("UPDATE", "APPROVE_ROLE");
    }

    @Test
    void anAdministratorCreatingAnAccountInTheirOwnOrganisationOnlyAsksForRolesThatShowPersonalData()
            throws Exception {
        long gm = org("NHS Greater Manchester");
        Person admin = person("Creating admin", gm, Role.ADMINISTRATOR);
        String email = "created-" + UUID.randomUUID() + "@example.com";
        mvc.perform(post("/people/new").session(SignIn.as(mvc, admin.email(), PASSWORD)).with(csrf())
                .param("fullName", "Created Person").param("email", email).param("organisationId", String.valueOf(gm))
                .param("roles", "PRACTITIONER", "REFERRER")).andExpect(status().is3xxRedirection());
        Person created = people.findByEmail(email).orElseThrow();
        assertThat(created.roleSet()).containsExactly(Role.REFERRER);
        assertThat(personRoles.pendingGrants(currentUser(admin), created.id())).extracting(RoleGrants.Grant::role)
                .containsExactly(Role.PRACTITIONER);
    }

    @Test
    void rolesThatShowPersonalDataAreTheOnesThatNeedASecondAdministrator() {
        assertThat(EnumSet.allOf(Role.class).stream().filter(Role::readsPersonalData).toList()).containsExactly(
                Role.ADMINISTRATOR, Role.COMMISSIONER, Role.PROVIDER_MANAGER, Role.PRACTITIONER, Role.EVALUATOR);
    }

    private Person person(String name, long organisationId, Role role) {
        return people.createWithPassword(new NewPerson(name, "sod-" + UUID.randomUUID() + "@example.com",
                organisationId, EnumSet.of(role)), PASSWORD);
    }

    private CurrentUser currentUser(Person person) {
        return new CurrentUser(person.id(), person.email(), person.fullName(), person.organisationId(), "",
                person.roleSet());
    }

    private java.util.Set<Role> roles(Person person) {
        return people.findByEmail(person.email()).orElseThrow().roleSet();
    }

    private int grantRows(Person person) {
        return jdbc.sql("SELECT COUNT(*) FROM role_grant WHERE person_id = ?").param(person.id()).query(Integer.class)
                .single();
    }

    private long org(String name) {
        return jdbc.sql("SELECT id FROM organisation WHERE name = ?").param(name).query(Long.class).single();
    }
}
