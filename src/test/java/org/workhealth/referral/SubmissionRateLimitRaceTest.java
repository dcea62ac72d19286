package org.workhealth.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

/** Twenty public referrals from one address at the same moment, with nine left of its hourly allowance. */
@SpringBootTest
@AutoConfigureMockMvc
class SubmissionRateLimitRaceTest {

    @Autowired
    SubmissionRateLimit rateLimit;

    @Autowired
    JdbcClient jdbc;

    @Test
    void exactlyThePlacesLeftAreTakenWhateverArrivesAtOnce() throws Exception {
        String address = "198.51.100." + UUID.randomUUID().toString().substring(0, 8);
        // The default allowance is 10 an hour: one already sent leaves nine.
        assertThat(rateLimit.claim(address)).isPresent();

        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<Long>>> attempts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            attempts.add(pool.submit(() -> {
                start.await();
                return rateLimit.claim(address);
            }));
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(2, TimeUnit.MINUTES)).isTrue();

        int accepted = 0;
        for (Future<Optional<Long>> attempt : attempts) {
            accepted += attempt.get().isPresent() ? 1 : 0;
        }
        assertThat(accepted).isEqualTo(9);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM rate_limit_use WHERE client_address = ?").param(address)
                .query(Integer.class).single()).isEqualTo(10);
    }
}
