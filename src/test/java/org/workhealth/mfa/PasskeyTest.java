package org.workhealth.mfa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.workhealth.SignIn;
import org.workhealth.audit.AuditActor;

/**
 * Passkeys as a second factor, through the real WebAuthn ceremonies (a software authenticator answering over
 * HTTP): adding one, signing in with password then passkey, and the ways one must not work.
 */
@SpringBootTest(properties = "workhealth.mfa.required=personal-data")
@AutoConfigureMockMvc
class PasskeyTest {

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final MfaEnrolments enrolments;
    private final Passkeys passkeys;

    private long auditBefore;

    @Autowired
    PasskeyTest(MockMvc mvc, JdbcClient jdbc, MfaEnrolments enrolments, Passkeys passkeys) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.enrolments = enrolments;
        this.passkeys = passkeys;
    }

    @BeforeEach
    void noteWhereTheAuditLogStands() {
        auditBefore = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM audit_event").query(Long.class).single();
    }

    @AfterEach
    void forgetEverySecondFactor() {
        // Other test classes share the database and sign demo accounts in by password alone.
        jdbc.sql("DELETE FROM user_credentials").update();
        jdbc.sql("DELETE FROM user_entities").update();
        jdbc.sql("DELETE FROM mfa_recovery_code").update();
        jdbc.sql("DELETE FROM mfa_totp").update();
    }

    @Test
    void aCoachAddsAPasskeyThenSignsInWithTheirPasswordAndThePasskeyAsThemselves() throws Exception {
        MockHttpSession setUp = signInWithCode(SignIn.BURY_COACH);
        assertThat(page("/account/mfa", setUp)).contains("You have not added a passkey").contains("Add a passkey")
                .contains("Adding a passkey needs a browser with JavaScript").contains("/assets/passkeys.mjs");

        SoftwarePasskey laptop = new SoftwarePasskey();
        MvcResult added = laptop.register(mvc, setUp, "Work laptop");
        assertThat(added.getResponse().getStatus()).isEqualTo(200);
        assertThat(added.getResponse().getContentAsString()).contains("\"success\":true");
        assertThat(audited("MFA_PASSKEY_ADDED", SignIn.BURY_COACH)).isEqualTo(1);
        assertThat(page("/account/mfa", setUp)).contains("Work laptop").doesNotContain("You have not added a passkey");

        MockHttpSession session = SignIn.as(mvc, SignIn.BURY_COACH);
        mvc.perform(get("/home").session(session)).andExpect(redirectedUrl("/sign-in/code"));
        assertThat(page("/sign-in/code", session)).contains("Use a passkey");

        MvcResult signedIn = laptop.signIn(mvc, session);
        assertThat(signedIn.getResponse().getStatus()).isEqualTo(200);
        assertThat(signedIn.getResponse().getContentAsString()).contains("\"authenticated\":true");
        mvc.perform(get("/home").session(session)).andExpect(status().isOk());
        mvc.perform(get("/cases").session(session)).andExpect(status().isOk());
        assertThat(audited("SIGN_IN_PASSKEY", SignIn.BURY_COACH)).isEqualTo(1);

        // Still the service's own sign-in, with the passkey added as a factor.
        SecurityContext context = (SecurityContext) session
                .getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        assertThat(context.getAuthentication().getPrincipal()).isInstanceOf(AuditActor.class);
        assertThat(context.getAuthentication().getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .contains("FACTOR_PASSWORD", "FACTOR_WEBAUTHN", "ROLE_PRACTITIONER");
        assertThat(page("/account/mfa", session)).contains("Work laptop");
    }

    @Test
    void aPasswordAloneCannotAddAPasskeyNorDoesAPasskeyAloneSignAnyoneIn() throws Exception {
        signInWithCode(SignIn.BURY_COACH);
        MockHttpSession passwordOnly = SignIn.as(mvc, SignIn.BURY_COACH);
        mvc.perform(post("/webauthn/register/options").session(passwordOnly).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/webauthn/register").session(passwordOnly).with(csrf()).content("{}"))
                .andExpect(status().isForbidden());
        assertThat(passkeys.any(SignIn.BURY_COACH)).isFalse();

        MockHttpSession full = signInWithCode(SignIn.BURY_COACH);
        SoftwarePasskey laptop = new SoftwarePasskey();
        laptop.register(mvc, full, "Work laptop");

        MockHttpSession nobody = new MockHttpSession();
        assertThat(laptop.signIn(mvc, nobody).getResponse().getStatus()).isEqualTo(401);
        mvc.perform(get("/home").session(nobody)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/home").session(nobody)).andExpect(redirectedUrl("/sign-in"));
    }

    @Test
    void someoneElsesPasskeyIsRefusedAndTheyStayOnTheCodePage() throws Exception {
        MockHttpSession coach = signInWithCode(SignIn.BURY_COACH);
        SoftwarePasskey coachesLaptop = new SoftwarePasskey();
        coachesLaptop.register(mvc, coach, "Work laptop");

        signInWithCode(SignIn.BURY_MANAGER);
        MockHttpSession manager = SignIn.as(mvc, SignIn.BURY_MANAGER);
        assertThat(coachesLaptop.signIn(mvc, manager).getResponse().getStatus()).isEqualTo(401);
        mvc.perform(get("/home").session(manager)).andExpect(redirectedUrl("/sign-in/code"));
        assertThat(audited("SIGN_IN_PASSKEY_FAILED", SignIn.BURY_MANAGER)).isEqualTo(1);
        assertThat(audited("SIGN_IN_PASSKEY", SignIn.BURY_MANAGER)).isZero();

        // Nor can they remove it from their own account page.
        MockHttpSession managerSignedIn = signInWithCode(SignIn.BURY_MANAGER);
        mvc.perform(post("/account/mfa/passkeys/remove").session(managerSignedIn).param("passkey", coachesLaptop.id())
                .with(csrf())).andExpect(redirectedUrl("/account/mfa"));
        assertThat(passkeys.any(SignIn.BURY_COACH)).isTrue();
    }

    @Test
    void aRemovedPasskeyNoLongerWorks() throws Exception {
        MockHttpSession coach = signInWithCode(SignIn.BURY_COACH);
        SoftwarePasskey laptop = new SoftwarePasskey();
        laptop.register(mvc, coach, "Old laptop");

        // Spring's own removal endpoint is closed: removal goes through the page, which audits it.
        mvc.perform(delete("/webauthn/register/" + laptop.id()).session(coach).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(passkeys.any(SignIn.BURY_COACH)).isTrue();

        mvc.perform(post("/account/mfa/passkeys/remove").session(coach).param("passkey", laptop.id()).with(csrf()))
                .andExpect(redirectedUrl("/account/mfa"));
        assertThat(passkeys.any(SignIn.BURY_COACH)).isFalse();
        assertThat(audited("MFA_PASSKEY_REMOVED", SignIn.BURY_COACH)).isEqualTo(1);

        MockHttpSession session = SignIn.as(mvc, SignIn.BURY_COACH);
        assertThat(page("/sign-in/code", session)).doesNotContain("Use a passkey");
        assertThat(laptop.signIn(mvc, session).getResponse().getStatus()).isEqualTo(401);
        mvc.perform(get("/home").session(session)).andExpect(redirectedUrl("/sign-in/code"));
    }

    @Test
    void anAdministratorsResetRemovesThePasskeysToo() throws Exception {
        MockHttpSession coach = signInWithCode(SignIn.BURY_COACH);
        SoftwarePasskey laptop = new SoftwarePasskey();
        laptop.register(mvc, coach, "Work laptop");
        long coachId = personId(SignIn.BURY_COACH);

        MockHttpSession admin = signInWithCode(SignIn.GM_ADMIN);
        mvc.perform(post("/people/" + coachId + "/mfa/reset").session(admin).with(csrf()))
                .andExpect(redirectedUrl("/people/" + coachId));
        assertThat(passkeys.any(SignIn.BURY_COACH)).isFalse();
        assertThat(enrolments.enrolled(coachId)).isFalse();
        assertThat(jdbc.sql("SELECT detail FROM audit_event WHERE action = 'MFA_RESET' AND record_id = :id "
                + "AND id > :before").param("id", String.valueOf(coachId)).param("before", auditBefore)
                .query(String.class).single()).contains("1 passkey");

        MockHttpSession session = SignIn.as(mvc, SignIn.BURY_COACH);
        assertThat(laptop.signIn(mvc, session).getResponse().getStatus()).isEqualTo(401);
        mvc.perform(get("/home").session(session)).andExpect(redirectedUrl("/account/mfa/setup"));
    }

    @Test
    void aPasskeyNeedsAShortPlainName() throws Exception {
        MockHttpSession coach = signInWithCode(SignIn.BURY_COACH);
        MvcResult blank = new SoftwarePasskey().register(mvc, coach, " ");
        assertThat(blank.getResponse().getStatus()).isEqualTo(400);
        assertThat(blank.getResponse().getContentAsString()).contains("Enter a name for the passkey");
        MvcResult tooLong = new SoftwarePasskey().register(mvc, coach, "x".repeat(101));
        assertThat(tooLong.getResponse().getStatus()).isEqualTo(400);
        assertThat(tooLong.getResponse().getContentAsString()).contains("100 characters or fewer");
        assertThat(passkeys.any(SignIn.BURY_COACH)).isFalse();
        assertThat(audited("MFA_PASSKEY_ADDED", SignIn.BURY_COACH)).isZero();
    }

    @Test
    void aPasskeyMadeOnAnotherSiteIsRefusedWithoutAServerError() throws Exception {
        MockHttpSession coach = signInWithCode(SignIn.BURY_COACH);
        MvcResult relayed = new SoftwarePasskey("https://workhealth-login.example").register(mvc, coach, "Phone");
        assertThat(relayed.getResponse().getStatus()).isEqualTo(400);
        assertThat(relayed.getResponse().getContentAsString()).contains("could not be added");
        mvc.perform(post("/webauthn/register").session(coach).with(csrf())
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content("{\"publicKey\": 7}"))
                .andExpect(status().isBadRequest());
        assertThat(passkeys.any(SignIn.BURY_COACH)).isFalse();
    }

    private String page(String path, MockHttpSession session) throws Exception {
        return mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private MockHttpSession signInWithCode(String email) throws Exception {
        long person = personId(email);
        String secret = Totp.newSecret();
        if (!enrolments.enrolled(person)) {
            assertThat(enrolments.enrol(person, secret, Totp.code(secret, step() - 1))).isPresent();
        } else {
            // Already set up in this test: the secret is only needed once, so start again with a new one.
            enrolments.reset(person);
            assertThat(enrolments.enrol(person, secret, Totp.code(secret, step() - 1))).isPresent();
        }
        MockHttpSession session = SignIn.as(mvc, email);
        MvcResult result = mvc.perform(post("/sign-in/code").session(session).param("code", Totp.code(secret, step()))
                .with(csrf())).andExpect(redirectedUrl("/home")).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    private static long step() {
        return Totp.stepAt(Instant.now());
    }

    private long personId(String email) {
        return jdbc.sql("SELECT id FROM person WHERE email = :email").param("email", email).query(Long.class).single();
    }

    private long audited(String action, String email) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = :action AND actor_email = :email "
                + "AND id > :before").param("before", auditBefore).param("action", action).param("email", email)
                .query(Long.class).single();
    }
}
