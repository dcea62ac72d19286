package org.workhealth.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
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

@SpringBootTest
@AutoConfigureMockMvc
class SignInTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    People people;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aDemoPersonSignsInAndSeesTheirHomePage() throws Exception {
        MockHttpSession session = SignIn.as(mvc, SignIn.BURY_COACH);
        mvc.perform(get("/home").session(session)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Welcome, Daniel Brooks")));
    }

    @Test
    void theSessionKeepsWhoSignedInButNotTheirPasswordHash() throws Exception {
        MockHttpSession session = SignIn.as(mvc, SignIn.BURY_COACH);
        var context = (org.springframework.security.core.context.SecurityContext) session
                .getAttribute("SPRING_SECURITY_CONTEXT");
        StaffUserDetails signedIn = (StaffUserDetails) context.getAuthentication().getPrincipal();
        assertThat(signedIn.user().email()).isEqualTo(SignIn.BURY_COACH);
        assertThat(signedIn.getPassword()).isNull();
        assertThat(context.getAuthentication().getCredentials()).isNull();
    }

    @Test
    void aWrongPasswordAndAnUnknownEmailGetTheSameMessageAndTheEmailIsKept() throws Exception {
        String wrongPassword = failedSignInPage(SignIn.BURY_COACH, "not-the-password");
        String unknownEmail = failedSignInPage("nobody-" + UUID.randomUUID() + "@example.com", "whatever-it-is");
        assertThat(wrongPassword).contains(SignInController.SIGN_IN_FAILED).contains("There is a problem")
                .contains("value=\"" + SignIn.BURY_COACH + "\"");
        assertThat(unknownEmail).contains(SignInController.SIGN_IN_FAILED);
    }

    @Test
    void fiveFailuresLockTheAccountEvenAgainstTheRightPassword() throws Exception {
        String email = "lock-" + UUID.randomUUID() + "@example.com";
        Person person = people.createWithPassword(new NewPerson("Lock Test", email, organisationId(),
                EnumSet.of(Role.PRACTITIONER)), "right-password-123");
        for (int attempt = 0; attempt < 5; attempt++) {
            failedSignInPage(email, "wrong-password-" + attempt);
        }
        mvc.perform(post("/sign-in").param("email", email).param("password", "right-password-123").with(csrf()))
                .andExpect(redirectedUrl("/sign-in?error"));
        assertThat(jdbc.sql("SELECT locked_until FROM person WHERE id = ?").param(person.id()).query(java.sql.Timestamp.class)
                .single()).isNotNull();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'ACCOUNT_LOCKED' AND actor_email = ?")
                .param(email).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        MockHttpSession session = SignIn.as(mvc, SignIn.BURY_COACH);
        mvc.perform(post("/sign-out").session(session).with(csrf())).andExpect(redirectedUrl("/sign-in?signedOut"));
        mvc.perform(get("/home").session(session)).andExpect(status().is3xxRedirection());
    }

    @Test
    void pagesNeedSignInButThePublicOnesDoNot() throws Exception {
        mvc.perform(get("/people")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/")).andExpect(status().isOk());
        mvc.perform(get("/accessibility")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(get("/actuator/prometheus")).andExpect(status().is3xxRedirection());
    }

    @Test
    void formsWithoutACsrfTokenAreRefused() throws Exception {
        // Without a session a missing token is most likely an expired one: the person is sent to sign in again.
        mvc.perform(post("/sign-in").param("email", SignIn.BURY_COACH).param("password", SignIn.DEMO_PASSWORD))
                .andExpect(redirectedUrl("/sign-in?timedOut"));
        MockHttpSession session = SignIn.as(mvc, SignIn.NATIONAL_ADMIN);
        int status = mvc.perform(post("/people/new").session(session).param("fullName", "No Token")
                .param("email", "no-token@example.com")).andReturn().getResponse().getStatus();
        assertThat(status).isIn(302, 403);
        assertThat(people.emailInUse("no-token@example.com")).isFalse();
    }

    @Test
    void everyResponseCarriesSecurityHeadersAndARequestId() throws Exception {
        mvc.perform(get("/sign-in"))
                .andExpect(header().string("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().exists("X-Request-Id"));
        mvc.perform(get("/sign-in").secure(true))
                .andExpect(header().string("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains"));
    }

    private String failedSignInPage(String email, String password) throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/sign-in").session(session).param("email", email).param("password", password).with(csrf()))
                .andExpect(redirectedUrl("/sign-in?error"));
        return mvc.perform(get("/sign-in").param("error", "").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private long organisationId() {
        return jdbc.sql("SELECT id FROM organisation WHERE name = 'Bury Council Live Well service'").query(Long.class)
                .single();
    }
}
