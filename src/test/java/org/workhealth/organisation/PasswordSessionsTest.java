package org.workhealth.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.EnumSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.workhealth.SignIn;

/** A changed password ends the person's other sessions; a password reset by an administrator ends all of them. */
@SpringBootTest
@AutoConfigureMockMvc
class PasswordSessionsTest {

    private static final String PASSWORD = "lantern orbit kettle 2026";

    @Autowired
    MockMvc mvc;

    @Autowired
    People people;

    @Autowired
    JdbcClient jdbc;

    @Test
    void changingYourPasswordSignsOutYourOtherSessionsButNotThisOne() throws Exception {
        Person person = person();
        MockHttpSession laptop = SignIn.as(mvc, person.email(), PASSWORD);
        MockHttpSession phone = SignIn.as(mvc, person.email(), PASSWORD);

        mvc.perform(post("/account/password").session(laptop).with(csrf()).param("currentPassword", PASSWORD)
                .param("newPassword", "harbour violet tundra 77").param("confirmPassword", "harbour violet tundra 77"))
                .andExpect(redirectedUrl("/account"));

        mvc.perform(get("/home").session(laptop)).andExpect(status().isOk());
        mvc.perform(get("/home").session(phone)).andExpect(redirectedUrl(AccountSessions.ENDED_URL));
        mvc.perform(get("/sign-in").param("passwordChanged", "")).andExpect(status().isOk())
                .andExpect(content().string(containsString("You were signed out because your password was changed")));
        SignIn.as(mvc, person.email(), "harbour violet tundra 77");
    }

    @Test
    void aCommonPasswordIsRefusedWithAnErrorSayingWhy() throws Exception {
        Person person = person();
        MockHttpSession session = SignIn.as(mvc, person.email(), PASSWORD);
        mvc.perform(post("/account/password").session(session).with(csrf()).param("currentPassword", PASSWORD)
                .param("newPassword", "password1234").param("confirmPassword", "password1234"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#newPassword\"")))
                .andExpect(content().string(containsString("Password is too easy to guess. This is a very common password.")));
        SignIn.as(mvc, person.email(), PASSWORD);
    }

    @Test
    void aPasswordResetByAnAdministratorSignsThePersonOutEverywhere() throws Exception {
        Person person = person();
        MockHttpSession laptop = SignIn.as(mvc, person.email(), PASSWORD);
        MockHttpSession phone = SignIn.as(mvc, person.email(), PASSWORD);
        MockHttpSession admin = SignIn.as(mvc, SignIn.GM_ADMIN);

        mvc.perform(post("/people/" + person.id() + "/reset-password").session(admin).with(csrf()))
                .andExpect(redirectedUrl("/people/" + person.id()));

        mvc.perform(get("/home").session(laptop)).andExpect(redirectedUrl(AccountSessions.ENDED_URL));
        mvc.perform(get("/home").session(phone)).andExpect(redirectedUrl(AccountSessions.ENDED_URL));
        mvc.perform(get("/home").session(admin)).andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT detail FROM audit_event WHERE action = 'RESET_PASSWORD' AND record_id = ?")
                .param(String.valueOf(person.id())).query(String.class).single()).isEqualTo("Signed out of 2 sessions");
    }

    private Person person() {
        long bury = jdbc.sql("SELECT id FROM organisation WHERE name = 'Bury Council Live Well service'")
                .query(Long.class).single();
        return people.createWithPassword(new NewPerson("Two Sessions", "sessions-" + UUID.randomUUID() + "@example.com",
                bury, EnumSet.of(Role.PRACTITIONER)), PASSWORD);
    }
}
