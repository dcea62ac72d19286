package org.workhealth.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Twenty wrong passwords and the right one sent at the same moment: the account is locked once, and the right
 * password does not get in once the lock is written.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SignInRaceTest {

    private static final String RIGHT = "right-password-race-2026";

    @Autowired
    MockMvc mvc;

    @Autowired
    People people;

    @Autowired
    JdbcClient jdbc;

    @Test
    void wrongPasswordsRacingTheRightOneLockTheAccountOnceAndTheLockWins() throws Exception {
        String email = "race-" + UUID.randomUUID() + "@example.com";
        people.createWithPassword(new NewPerson("Race Test", email, bury(), EnumSet.of(Role.PRACTITIONER)), RIGHT);

        ExecutorService pool = Executors.newFixedThreadPool(21);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> wrong = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String password = "wrong-password-" + i;
            wrong.add(pool.submit(() -> signIn(start, email, password)));
        }
        Future<String> right = pool.submit(() -> signIn(start, email, RIGHT));
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(2, TimeUnit.MINUTES)).isTrue();

        for (Future<String> attempt : wrong) {
            assertThat(attempt.get()).isEqualTo("/sign-in?error");
        }
        List<Long> locks = auditIds(email, "ACCOUNT_LOCKED");
        assertThat(locks).hasSize(1);
        assertThat(jdbc.sql("SELECT locked_until FROM person WHERE email = ?").param(email)
                .query(java.sql.Timestamp.class).single()).isNotNull();
        if ("/home".equals(right.get())) {
            // It got in before the lock was written, never after.
            assertThat(auditIds(email, "SIGN_IN")).allMatch(signIn -> signIn < locks.get(0));
        } else {
            assertThat(auditIds(email, "SIGN_IN")).isEmpty();
        }
        assertThat(signIn(new CountDownLatch(0), email, RIGHT)).isEqualTo("/sign-in?error");
    }

    private String signIn(CountDownLatch start, String email, String password) throws Exception {
        start.await();
        return mvc.perform(post("/sign-in").session(new MockHttpSession()).param("email", email)
                .param("password", password).with(csrf())).andReturn().getResponse().getRedirectedUrl();
    }

    private List<Long> auditIds(String email, String action) {
        return jdbc.sql("SELECT id FROM audit_event WHERE action = ? AND actor_email = ? ORDER BY id")
                .params(action, email).query(Long.class).list();
    }

    private long bury() {
        return jdbc.sql("SELECT id FROM organisation WHERE name = 'Bury Council Live Well service'").query(Long.class)
                .single();
    }
}
