package org.workhealth.referral;

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
 * How many public referrals one address may send in an hour. Counted in the database so that the
 * limit holds across restarts and across instances of the service, and with the address's row locked while a
 * place is taken, so that submissions at the same moment cannot all see the same places free.
 */
@Component
class SubmissionRateLimit {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int perHour;

    SubmissionRateLimit(JdbcClient jdbc, Clock clock,
            @Value("${workhealth.referral.public-submissions-per-hour:10}") int perHour) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.perHour = perHour;
    }

    /**
     * Takes one of the address's places for the last hour.
     *
     * @return the place taken, to {@link #release} if the submission turns out not to count; empty when none is left
     */
    @Transactional
    public Optional<Long> claim(String address) {
        jdbc.sql("INSERT INTO referral_submission_address (client_address) VALUES (?) ON CONFLICT DO NOTHING")
                .param(address).update();
        jdbc.sql("SELECT client_address FROM referral_submission_address WHERE client_address = ? FOR UPDATE")
                .param(address).query(String.class).single();
        int recent = jdbc.sql("SELECT COUNT(*) FROM referral_submission_log WHERE client_address = ? AND submitted_at > ?")
                .params(address, Timestamp.from(clock.instant().minus(Duration.ofHours(1)))).query(Integer.class)
                .single();
        if (recent >= perHour) {
            return Optional.empty();
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO referral_submission_log (client_address, submitted_at) VALUES (?, ?)")
                .params(address, Timestamp.from(clock.instant())).update(key, "id");
        return Optional.of(key.getKey().longValue());
    }

    /** Gives back a place taken for a submission that was refused or had been received before. */
    void release(long place) {
        jdbc.sql("DELETE FROM referral_submission_log WHERE id = ?").param(place).update();
    }
}
