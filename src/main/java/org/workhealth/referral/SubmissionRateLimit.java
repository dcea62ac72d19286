package org.workhealth.referral;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many public referrals one address may send in an hour. Counted in the database so that the
 * limit holds across restarts and across instances of the service.
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

    boolean allows(String address) {
        int recent = jdbc.sql("SELECT COUNT(*) FROM referral_submission_log WHERE client_address = ? AND submitted_at > ?")
                .params(address, Timestamp.from(clock.instant().minus(Duration.ofHours(1)))).query(Integer.class)
                .single();
        return recent < perHour;
    }

    void record(String address) {
        jdbc.sql("INSERT INTO referral_submission_log (client_address, submitted_at) VALUES (?, ?)")
                .params(address, Timestamp.from(clock.instant())).update();
    }
}
