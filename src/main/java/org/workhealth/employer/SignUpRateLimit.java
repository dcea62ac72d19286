package org.workhealth.employer;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many public sign-ups one address may send in an hour, as the public referral form limits its own: counted
 * in the database so that the limit holds across restarts and instances, with the address's row locked while a
 * place is taken so that sign-ups sent at the same moment cannot all see the same places free.
 */
@Component
class SignUpRateLimit {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int perHour;

    SignUpRateLimit(JdbcClient jdbc, Clock clock,
            @Value("${workhealth.employer.public-sign-ups-per-hour:5}") int perHour) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.perHour = perHour;
    }

    /** Takes one of the address's places for the last hour; empty when none is left. */
    @Transactional
    public Optional<Long> claim(String address) {
        jdbc.sql("INSERT INTO employer_sign_up_address (client_address) VALUES (?) ON CONFLICT DO NOTHING")
                .param(address).update();
        jdbc.sql("SELECT client_address FROM employer_sign_up_address WHERE client_address = ? FOR UPDATE")
                .param(address).query(String.class).single();
        int recent = jdbc.sql("SELECT COUNT(*) FROM employer_sign_up_log WHERE client_address = ? AND submitted_at > ?")
                .params(address, Timestamp.from(clock.instant().minus(Duration.ofHours(1)))).query(Integer.class)
                .single();
        if (recent >= perHour) {
            return Optional.empty();
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO employer_sign_up_log (client_address, submitted_at) VALUES (?, ?)")
                .params(address, Timestamp.from(clock.instant())).update(key, "id");
        return Optional.of(key.getKey().longValue());
    }

    /** Gives back a place taken for a sign-up that was not recorded. */
    void release(long place) {
        jdbc.sql("DELETE FROM employer_sign_up_log WHERE id = ?").param(place).update();
    }
}
