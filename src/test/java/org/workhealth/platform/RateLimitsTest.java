package org.workhealth.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A client address is kept only while its uses count: for the hour, and no longer. */
@SpringBootTest
class RateLimitsTest {

    @Autowired
    RateLimits limits;

    @Autowired
    JdbcClient jdbc;

    @Test
    void usesOlderThanAnHourDoNotCountAndAreForgotten() {
        String address = "192.0.2." + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("INSERT INTO rate_limit_client (bucket, client_address) VALUES ('TEST', ?)").param(address).update();
        for (int i = 0; i < 2; i++) {
            jdbc.sql("INSERT INTO rate_limit_use (bucket, client_address, used_at) VALUES ('TEST', ?, ?)")
                    .params(address, Timestamp.from(Instant.now().minus(61, ChronoUnit.MINUTES))).update();
        }

        assertThat(limits.claim("TEST", address, 2)).isPresent();
        assertThat(limits.claim("TEST", address, 2)).isPresent();
        assertThat(limits.claim("TEST", address, 2)).isEmpty();
        assertThat(limits.claim("OTHER", address, 2)).as("each bucket counts alone").isPresent();
        assertThat(uses(address)).as("the old uses are gone; this hour's three are kept").isEqualTo(3);
    }

    @Test
    void aReleasedPlaceIsFreeAgain() {
        String address = "192.0.2." + UUID.randomUUID().toString().substring(0, 8);
        long place = limits.claim("TEST", address, 1).orElseThrow();
        assertThat(limits.claim("TEST", address, 1)).isEmpty();
        limits.release(place);
        assertThat(limits.claim("TEST", address, 1)).isPresent();
    }

    @Test
    void anAddressWithNoUsesLeftIsForgotten() {
        String address = "192.0.2." + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("INSERT INTO rate_limit_client (bucket, client_address) VALUES ('TEST', ?)").param(address).update();
        jdbc.sql("INSERT INTO rate_limit_use (bucket, client_address, used_at) VALUES ('TEST', ?, ?)")
                .params(address, Timestamp.from(Instant.now().minus(2, ChronoUnit.HOURS))).update();

        limits.forgetOldUses();

        assertThat(uses(address)).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM rate_limit_client WHERE client_address = ?").param(address)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aClientsCallsAreCountedByTheMinuteAndOneOverTheLimitIsToldHowLongToWait() {
        String client = "whc_" + UUID.randomUUID().toString().substring(0, 8);
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        // Full in this minute and the next, so the test holds whichever minute its calls fall in.
        for (Instant window : new Instant[] {minute, minute.plus(1, ChronoUnit.MINUTES)}) {
            jdbc.sql("INSERT INTO rate_limit_window (bucket, client_key, window_start, uses) VALUES ('TEST', ?, ?, 2)")
                    .params(client, Timestamp.from(window)).update();
        }

        assertThat(limits.countInMinute("TEST", client, 2)).hasValueSatisfying(wait -> assertThat(wait)
                .isPositive().isLessThanOrEqualTo(java.time.Duration.ofMinutes(1)));
        assertThat(limits.countInMinute("TEST", client, 4)).as("a call within a higher limit goes on").isEmpty();
        String other = "whc_" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(limits.countInMinute("TEST", other, 1)).as("each client counts alone").isEmpty();
    }

    @Test
    void minutesThatNoLongerCountAreForgotten() {
        String client = "whc_" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("INSERT INTO rate_limit_window (bucket, client_key, window_start, uses) VALUES ('TEST', ?, ?, 9)")
                .params(client, Timestamp.from(Instant.now().minus(5, ChronoUnit.MINUTES))).update();

        limits.forgetOldUses();

        assertThat(jdbc.sql("SELECT COUNT(*) FROM rate_limit_window WHERE client_key = ?").param(client)
                .query(Integer.class).single()).isZero();
    }

    private int uses(String address) {
        return jdbc.sql("SELECT COUNT(*) FROM rate_limit_use WHERE client_address = ?").param(address)
                .query(Integer.class).single();
    }
}
