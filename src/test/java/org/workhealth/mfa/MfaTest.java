package org.workhealth.mfa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.workhealth.SignIn;

/**
 * Multi-factor sign-in as a person meets it, with MFA required of roles that read personal data (as in
 * production): codes are worked out from the secret as an authenticator app would.
 */
@SpringBootTest(properties = "workhealth.mfa.required=personal-data")
@AutoConfigureMockMvc
class MfaTest {

    private static final String REFERRER = "referrer@townside.workhealth.example";
    private static final String BCHFT_SPECIALIST = "specialist@bchft.workhealth.example";

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final MfaEnrolments enrolments;

    @Autowired
    MfaTest(MockMvc mvc, JdbcClient jdbc, MfaEnrolments enrolments) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.enrolments = enrolments;
    }

    private long auditBefore;

    @org.junit.jupiter.api.BeforeEach
    void noteWhereTheAuditLogStands() {
        auditBefore = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM audit_event").query(Long.class).single();
    }

    @AfterEach
    void forgetEveryAuthenticator() {
        // Other test classes share the database and sign demo accounts in by password alone.
        jdbc.sql("DELETE FROM mfa_recovery_code").update();
        jdbc.sql("DELETE FROM mfa_totp").update();
    }

    @Test
    void aCoachIsTakenToSetUpAfterTheirPasswordAndThenGetsTenRecoveryCodes() throws Exception {
        MockHttpSession session = SignIn.as(mvc, SignIn.BURY_COACH);
        mvc.perform(get("/cases").session(session)).andExpect(redirectedUrl("/account/mfa/setup"));
        mvc.perform(post("/cases/1/notes").session(session).with(csrf())).andExpect(redirectedUrl("/account/mfa/setup"));

        String page = mvc.perform(get("/account/mfa/setup").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String secret = (String) session.getAttribute(MfaAccountController.PENDING_SECRET);
        assertThat(page).contains(Totp.grouped(secret)).contains("data:image/svg+xml;base64,");

        mvc.perform(post("/account/mfa/setup").session(session).param("code", "000000").with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "Enter the 6-digit code your authenticator app shows now")));
        assertThat(enrolments.enrolled(personId(SignIn.BURY_COACH))).isFalse();

        MvcResult confirmed = mvc.perform(post("/account/mfa/setup").session(session)
                .param("code", Totp.code(secret, step())).with(csrf()))
                .andExpect(redirectedUrl("/account/mfa/recovery-codes")).andReturn();
        @SuppressWarnings("unchecked")
        List<String> codes = (List<String>) confirmed.getFlashMap().get("recoveryCodes");
        assertThat(codes).hasSize(10).doesNotHaveDuplicates().allMatch(code -> code.matches("[A-Z0-9]{5}-[A-Z0-9]{5}"));
        assertThat(jdbc.sql("SELECT code_hash FROM mfa_recovery_code WHERE person_id = :p")
                .param("p", personId(SignIn.BURY_COACH)).query(String.class).list())
                .hasSize(10).noneMatch(codes::contains);
        assertThat(audited("MFA_SET_UP", SignIn.BURY_COACH)).isEqualTo(1);

        mvc.perform(get("/account/mfa/recovery-codes").session(session)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(codes.get(9))));
        mvc.perform(get("/account/mfa/recovery-codes").session(session)).andExpect(redirectedUrl("/account/mfa"));
        mvc.perform(get("/cases").session(session)).andExpect(status().isOk());
    }

    @Test
    void afterThePasswordACodeFromTheAppLetsThemIn() throws Exception {
        String secret = enrol(SignIn.BURY_MANAGER);
        MockHttpSession session = SignIn.as(mvc, SignIn.BURY_MANAGER);
        mvc.perform(get("/home").session(session)).andExpect(redirectedUrl("/sign-in/code"));
        mvc.perform(get("/account/mfa/setup").session(session)).andExpect(redirectedUrl("/sign-in/code"));
        mvc.perform(get("/sign-in/code").session(session)).andExpect(status().isOk());

        MvcResult signedIn = mvc.perform(post("/sign-in/code").session(session).param("code", Totp.code(secret, step()))
                .with(csrf())).andExpect(redirectedUrl("/home")).andReturn();
        MockHttpSession upgraded = (MockHttpSession) signedIn.getRequest().getSession(false);
        mvc.perform(get("/home").session(upgraded)).andExpect(status().isOk());
        assertThat(audited("SIGN_IN_CODE", SignIn.BURY_MANAGER)).isEqualTo(1);
    }

    @Test
    void aWrongCodeIsRefusedAndFiveWrongCodesPauseEvenTheRightOne() throws Exception {
        String secret = enrol(SignIn.BURY_MANAGER);
        MockHttpSession session = SignIn.as(mvc, SignIn.BURY_MANAGER);
        String wrong = Totp.code(secret, step() + 5);
        mvc.perform(post("/sign-in/code").session(session).param("code", wrong).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Error: Enter the code")));
        mvc.perform(get("/home").session(session)).andExpect(redirectedUrl("/sign-in/code"));
        assertThat(audited("SIGN_IN_CODE_FAILED", SignIn.BURY_MANAGER)).isEqualTo(1);

        for (int i = 0; i < 4; i++) {
            mvc.perform(post("/sign-in/code").session(session).param("code", "12345x").with(csrf()));
        }
        mvc.perform(post("/sign-in/code").session(session).param("code", Totp.code(secret, step())).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("too many wrong codes")));
        mvc.perform(get("/home").session(session)).andExpect(redirectedUrl("/sign-in/code"));
    }

    @Test
    void aCodeWorksOnceWithinItsWindow() throws Exception {
        String secret = enrol(SignIn.BURY_MANAGER);
        String code = Totp.code(secret, step());
        MockHttpSession first = SignIn.as(mvc, SignIn.BURY_MANAGER);
        mvc.perform(post("/sign-in/code").session(first).param("code", code).with(csrf()))
                .andExpect(redirectedUrl("/home"));

        MockHttpSession second = SignIn.as(mvc, SignIn.BURY_MANAGER);
        mvc.perform(post("/sign-in/code").session(second).param("code", code).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("already been used")));
        mvc.perform(get("/home").session(second)).andExpect(redirectedUrl("/sign-in/code"));
    }

    @Test
    void twentySimultaneousSignInsWithOneCodeLetOneIn() throws Exception {
        String secret = enrol(SignIn.BURY_MANAGER);
        String code = Totp.code(secret, step());
        List<MockHttpSession> sessions = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            sessions.add(SignIn.as(mvc, SignIn.BURY_MANAGER));
        }
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(20);
        try {
            List<java.util.concurrent.Future<String>> answers = new java.util.ArrayList<>();
            for (MockHttpSession session : sessions) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return mvc.perform(post("/sign-in/code").session(session).param("code", code).with(csrf()))
                            .andReturn().getResponse().getRedirectedUrl();
                }));
            }
            start.countDown();
            long signedIn = 0;
            for (var answer : answers) {
                signedIn += "/home".equals(answer.get()) ? 1 : 0;
            }
            assertThat(signedIn).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRecoveryCodeSignsInOnceAndIsAudited() throws Exception {
        long manager = personId(SignIn.BURY_MANAGER);
        String secret = Totp.newSecret();
        List<String> codes = enrolments.enrol(manager, secret, Totp.code(secret, step() - 1)).orElseThrow();

        MockHttpSession session = SignIn.as(mvc, SignIn.BURY_MANAGER);
        mvc.perform(get("/sign-in/recovery-code").session(session)).andExpect(status().isOk());
        MvcResult signedIn = mvc.perform(post("/sign-in/recovery-code").session(session)
                .param("code", codes.get(3).toLowerCase().replace("-", " ")).with(csrf()))
                .andExpect(redirectedUrl("/home")).andReturn();
        mvc.perform(get("/home").session((MockHttpSession) signedIn.getRequest().getSession(false)))
                .andExpect(status().isOk());
        assertThat(audited("SIGN_IN_RECOVERY_CODE", SignIn.BURY_MANAGER)).isEqualTo(1);

        MockHttpSession again = SignIn.as(mvc, SignIn.BURY_MANAGER);
        mvc.perform(post("/sign-in/recovery-code").session(again).param("code", "A".repeat(5000)).with(csrf()))
                .andExpect(status().isOk());
        mvc.perform(post("/sign-in/recovery-code").session(again).param("code", codes.get(3)).with(csrf()))
                .andExpect(status().isOk());
        mvc.perform(get("/home").session(again)).andExpect(redirectedUrl("/sign-in/code"));
        assertThat(audited("SIGN_IN_RECOVERY_CODE_FAILED", SignIn.BURY_MANAGER)).isEqualTo(2);
    }

    @Test
    void anAdministratorResetsSomeoneInTheirScopeButNotThemselvesNorOutsideIt() throws Exception {
        enrol(SignIn.BURY_COACH);
        enrol(BCHFT_SPECIALIST);
        MockHttpSession admin = signInWithCode(SignIn.GM_ADMIN);
        long coach = personId(SignIn.BURY_COACH);
        long specialist = personId(BCHFT_SPECIALIST);
        long self = personId(SignIn.GM_ADMIN);

        mvc.perform(get("/people/" + coach + "/mfa/reset").session(admin)).andExpect(status().isOk());
        mvc.perform(post("/people/" + coach + "/mfa/reset").session(admin).with(csrf()))
                .andExpect(redirectedUrl("/people/" + coach));
        assertThat(enrolments.enrolled(coach)).isFalse();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'MFA_RESET' AND record_id = :id "
                + "AND actor_email = :admin AND id > :before").param("before", auditBefore).param("id", String.valueOf(coach)).param("admin", SignIn.GM_ADMIN)
                .query(Long.class).single()).isEqualTo(1);

        // West Midlands is not below Greater Manchester.
        mvc.perform(get("/people/" + specialist + "/mfa/reset").session(admin)).andExpect(status().isNotFound());
        mvc.perform(post("/people/" + specialist + "/mfa/reset").session(admin).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(enrolments.enrolled(specialist)).isTrue();

        mvc.perform(post("/people/" + self + "/mfa/reset").session(admin).with(csrf())).andExpect(status().isNotFound());
        assertThat(enrolments.enrolled(self)).isTrue();

        MockHttpSession coachSession = signInWithCode(SignIn.BURY_MANAGER);
        mvc.perform(post("/people/" + specialist + "/mfa/reset").session(coachSession).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(enrolments.enrolled(specialist)).isTrue();
    }

    @Test
    void aReferrerNeedNotSetItUpButMay() throws Exception {
        MockHttpSession session = SignIn.as(mvc, REFERRER);
        mvc.perform(get("/home").session(session)).andExpect(status().isOk());
        mvc.perform(get("/account/mfa").session(session)).andExpect(status().isOk());
        mvc.perform(get("/account/mfa/setup").session(session)).andExpect(status().isOk());
    }

    @Test
    void aRoleThatReadsPersonalDataGrantedMidSessionSendsThemToSetUpAtOnce() throws Exception {
        MockHttpSession session = SignIn.as(mvc, REFERRER);
        mvc.perform(get("/home").session(session)).andExpect(status().isOk());
        long referrer = personId(REFERRER);
        jdbc.sql("INSERT INTO person_role (person_id, role) VALUES (:p, 'PRACTITIONER')").param("p", referrer).update();
        try {
            mvc.perform(get("/home").session(session)).andExpect(redirectedUrl("/account/mfa/setup"));
        } finally {
            jdbc.sql("DELETE FROM person_role WHERE person_id = :p AND role = 'PRACTITIONER'").param("p", referrer)
                    .update();
        }
    }

    private MockHttpSession signInWithCode(String email) throws Exception {
        String secret = enrol(email);
        MockHttpSession session = SignIn.as(mvc, email);
        MvcResult result = mvc.perform(post("/sign-in/code").session(session).param("code", Totp.code(secret, step()))
                .with(csrf())).andExpect(redirectedUrl("/home")).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    /** Sets up an app with last step's code, so that this step's code is still unused. */
    private String enrol(String email) {
        String secret = Totp.newSecret();
        assertThat(enrolments.enrol(personId(email), secret, Totp.code(secret, step() - 1))).isPresent();
        return secret;
    }

    private static long step() {
        return Totp.stepAt(Instant.now());
    }

    private long personId(String email) {
        return jdbc.sql("SELECT id FROM person WHERE email = :email").param("email", email).query(Long.class).single();
    }

    private long audited(String action, String email) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = :action AND actor_email = :email "
                + "AND id > :before").param("before", auditBefore).param("action", action).param("email", email).query(Long.class).single();
    }
}
