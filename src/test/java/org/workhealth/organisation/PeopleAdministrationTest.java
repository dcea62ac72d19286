package org.workhealth.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.workhealth.SignIn;

@SpringBootTest
@AutoConfigureMockMvc
class PeopleAdministrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    People people;

    @Autowired
    PersonRoles roles;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAdministratorCreatesAPersonWhoMustChooseTheirOwnPasswordOnFirstSignIn() throws Exception {
        MockHttpSession admin = SignIn.as(mvc, SignIn.GM_ADMIN);
        String email = "new-" + UUID.randomUUID() + "@example.com";
        MvcResult created = mvc.perform(post("/people/new").session(admin).with(csrf()).param("fullName", "Jo Bloggs")
                .param("email", email).param("organisationId", String.valueOf(orgId("Bury Council Live Well service")))
                .param("roles", "PRACTITIONER")).andExpect(status().is3xxRedirection()).andReturn();
        String temporary = (String) created.getFlashMap().get("temporaryPassword");
        assertThat(temporary).matches("[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}");

        MockHttpSession jo = SignIn.as(mvc, email, temporary);
        mvc.perform(get("/home").session(jo)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(post("/account/password").session(jo).with(csrf()).param("currentPassword", temporary)
                .param("newPassword", "short").param("confirmPassword", "short"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Password must be 12 characters or more")));
        mvc.perform(post("/account/password").session(jo).with(csrf()).param("currentPassword", temporary)
                .param("newPassword", "correct horse battery").param("confirmPassword", "correct horse battery"))
                .andExpect(redirectedUrl("/account")).andExpect(flash().attribute("notice", "Your password has been changed."));
        mvc.perform(get("/home").session(jo)).andExpect(status().isOk());
        SignIn.as(mvc, email, "correct horse battery");
    }

    @Test
    void changingAPasswordWithEveryBoxEmptyShowsAnErrorOnEachBox() throws Exception {
        MockHttpSession admin = SignIn.as(mvc, SignIn.GM_ADMIN);
        mvc.perform(post("/account/password").session(admin).with(csrf()).param("currentPassword", "")
                .param("newPassword", "").param("confirmPassword", "")).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#currentPassword\"")))
                .andExpect(content().string(containsString("href=\"#newPassword\"")))
                .andExpect(content().string(containsString("href=\"#confirmPassword\"")))
                .andExpect(content().string(containsString("Enter your current password")))
                .andExpect(content().string(containsString("Enter a new password")))
                .andExpect(content().string(containsString("Confirm your new password")));
    }

    @Test
    void badAnswersAreShownAgainstTheirFieldsAndTheOtherAnswersAreKept() throws Exception {
        MockHttpSession admin = SignIn.as(mvc, SignIn.GM_ADMIN);
        mvc.perform(post("/people/new").session(admin).with(csrf()).param("fullName", "Kept Name")
                .param("email", "not-an-email")).andExpect(status().isOk())
                .andExpect(content().string(containsString("There is a problem")))
                .andExpect(content().string(containsString("Enter an email address in the correct format")))
                .andExpect(content().string(containsString("Select the organisation they work for")))
                .andExpect(content().string(containsString("Select at least one role")))
                .andExpect(content().string(containsString("value=\"Kept Name\"")))
                .andExpect(content().string(containsString("<title>Error: Add a person")));
    }

    @Test
    void anAdministratorCannotSeeOrChangePeopleOutsideTheirOrganisationByEditingTheUrl() throws Exception {
        MockHttpSession gmAdmin = SignIn.as(mvc, SignIn.GM_ADMIN);
        long wmcaCommissioner = personId(SignIn.WMCA_COMMISSIONER);
        mvc.perform(get("/people/" + wmcaCommissioner).session(gmAdmin)).andExpect(status().isNotFound());
        mvc.perform(get("/people/" + wmcaCommissioner + "/roles").session(gmAdmin)).andExpect(status().isNotFound());
        mvc.perform(post("/people/" + wmcaCommissioner + "/roles").session(gmAdmin).with(csrf()).param("roles", "ADMINISTRATOR"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/people/" + wmcaCommissioner + "/deactivate").session(gmAdmin).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/people/" + wmcaCommissioner + "/reset-password").session(gmAdmin).with(csrf()))
                .andExpect(status().isNotFound());
        Person untouched = people.findByEmail(SignIn.WMCA_COMMISSIONER).orElseThrow();
        assertThat(untouched.active()).isTrue();
        assertThat(untouched.roleSet()).containsExactly(Role.COMMISSIONER);
        mvc.perform(get("/people").session(gmAdmin)).andExpect(content().string(not(containsString(SignIn.WMCA_COMMISSIONER))));
    }

    @Test
    void aTamperedOrganisationInTheFormCreatesNobody() throws Exception {
        MockHttpSession gmAdmin = SignIn.as(mvc, SignIn.GM_ADMIN);
        String email = "sneaky-" + UUID.randomUUID() + "@example.com";
        mvc.perform(post("/people/new").session(gmAdmin).with(csrf()).param("fullName", "Sneaky").param("email", email)
                .param("organisationId", String.valueOf(orgId("Shaw Trust"))).param("roles", "ADMINISTRATOR"))
                .andExpect(status().isNotFound());
        assertThat(people.emailInUse(email)).isFalse();
    }

    @Test
    void peopleWithoutTheAdministratorRoleCannotManagePeople() throws Exception {
        MockHttpSession coach = SignIn.as(mvc, SignIn.BURY_COACH);
        mvc.perform(get("/people").session(coach)).andExpect(status().isNotFound());
        mvc.perform(get("/people/" + personId(SignIn.BURY_MANAGER)).session(coach)).andExpect(status().isNotFound());
        mvc.perform(get("/audit").session(coach)).andExpect(status().isForbidden());
    }

    @Test
    void aDeactivatedPersonIsSignedOutAtOnceAndCannotSignInAgain() throws Exception {
        MockHttpSession admin = SignIn.as(mvc, SignIn.GM_ADMIN);
        String email = "leaver-" + UUID.randomUUID() + "@example.com";
        Person leaver = people.createWithPassword(new NewPerson("Leaver", email, orgId("Oldham Working Well service"),
                java.util.EnumSet.of(Role.PRACTITIONER)), "leavers-password-1");
        MockHttpSession leaverSession = SignIn.as(mvc, email, "leavers-password-1");
        mvc.perform(post("/people/" + leaver.id() + "/deactivate").session(admin).with(csrf()))
                .andExpect(redirectedUrl("/people/" + leaver.id()));
        mvc.perform(get("/home").session(leaverSession)).andExpect(redirectedUrl("/sign-in"));
        mvc.perform(post("/sign-in").param("email", email).param("password", "leavers-password-1").with(csrf()))
                .andExpect(redirectedUrl("/sign-in?error"));
        mvc.perform(post("/people/" + leaver.id() + "/reactivate").session(admin).with(csrf()));
        SignIn.as(mvc, email, "leavers-password-1");
    }

    @Test
    void viewsAndChangesOfPeopleAreAudited() throws Exception {
        MockHttpSession admin = SignIn.as(mvc, SignIn.GM_ADMIN);
        long manager = personId(SignIn.BURY_MANAGER);
        mvc.perform(get("/people/" + manager).session(admin)).andExpect(status().isOk());
        mvc.perform(post("/people/" + manager + "/roles").session(admin).with(csrf())
                .param("roles", "PROVIDER_MANAGER", "PRACTITIONER")).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("""
                SELECT action FROM audit_event WHERE record_type = 'person' AND record_id = ?
                AND actor_email = ? ORDER BY id""").param(String.valueOf(manager)).param(SignIn.GM_ADMIN)
                .query(String.class).list()).contains("VIEW", "UPDATE");
        String log = mvc.perform(get("/audit").session(admin).param("recordType", "person")
                .param("recordId", String.valueOf(manager))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(log).contains("Roles changed from [PROVIDER_MANAGER] to [PROVIDER_MANAGER, PRACTITIONER]");
        roles.changeRoles(new CurrentUser(1, "", "", orgId("Joint Work and Health Directorate (DWP and DHSC)"), "",
                java.util.Set.of(Role.ADMINISTRATOR)), manager, java.util.Set.of(Role.PROVIDER_MANAGER));
    }

    private long orgId(String name) {
        return jdbc.sql("SELECT id FROM organisation WHERE name = ?").param(name).query(Long.class).single();
    }

    private long personId(String email) {
        return people.findByEmail(email).orElseThrow().id();
    }
}
