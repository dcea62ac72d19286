package org.workhealth.platform;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How often one address may use a public form in an hour. Counted in the database, so that the limit holds across
 * restarts and across nodes, with the address's row locked while a place is taken, so that requests sent at the same
 * moment cannot all see the same places free. An address is personal data: its uses are kept only for the hour in
 * which they count, and its row only while it has uses.
 */
@Component
public class RateLimits {

    private static final Duration WINDOW = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final Clock clock;

    RateLimits(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Takes one of the address's places in {@code bucket} for the last hour.
     *
     * @param bucket what is limited, such as {@code PUBLIC_REFERRAL}
     * @return the place taken, to {@link #release} if the request turns out not to count; empty when none is left
     */
    @Transactional
    public Optional<Long> claim(String bucket, String address, int perHour) {
        lock(bucket, address);
        Instant now = clock.instant();
        Timestamp windowStart = Timestamp.from(now.minus(WINDOW));
        jdbc.sql("DELETE FROM rate_limit_use WHERE bucket = ? AND client_address = ? AND used_at <= ?")
                .params(bucket, address, windowStart).update();
        int recent = jdbc.sql("SELECT COUNT(*) FROM rate_limit_use WHERE bucket = ? AND client_address = ?")
                .params(bucket, address).query(Integer.class).single();
        if (recent >= perHour) {
            return Optional.empty();
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO rate_limit_use (bucket, client_address, used_at) VALUES (?, ?, ?)")
                .params(bucket, address, Timestamp.from(now)).update(key, "id");
        return Optional.of(key.getKey().longValue());
    }

    /**
     * Counts one call by {@code client} in the current minute, for limits on callers that are busy by design (API
     * clients): one row a client a minute, so a burst costs an update, not a row a call.
     *
     * @return empty when the call is within {@code perMinute}; otherwise how long until the next minute starts
     */
    @Transactional
    public Optional<Duration> countInMinute(String bucket, String client, int perMinute) {
        Instant now = clock.instant();
        Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
        Timestamp windowStart = Timestamp.from(minute);
        String bump = "UPDATE rate_limit_window SET uses = uses + 1 WHERE bucket = ? AND client_key = ? "
                + "AND window_start = ?";
        if (jdbc.sql(bump).params(bucket, client, windowStart).update() == 0
                && jdbc.sql("INSERT INTO rate_limit_window (bucket, client_key, window_start, uses) VALUES (?, ?, ?, 1) "
                        + "ON CONFLICT DO NOTHING").params(bucket, client, windowStart).update() == 0) {
            // Another node made the minute's row between our update and insert: its row is there to count on.
            jdbc.sql(bump).params(bucket, client, windowStart).update();
        }
        int uses = jdbc.sql("SELECT uses FROM rate_limit_window WHERE bucket = ? AND client_key = ? AND window_start = ?")
                .params(bucket, client, windowStart).query(Integer.class).single();
        return uses <= perMinute ? Optional.empty()
                : Optional.of(Duration.between(now, minute.plus(1, ChronoUnit.MINUTES)));
    }

    /** Gives back a place taken for a request that was refused or had been received before. */
    public void release(long place) {
        jdbc.sql("DELETE FROM rate_limit_use WHERE id = ?").param(place).update();
    }

    /** Forgets the uses that no longer count, and the addresses left with none (a recurring task: PlatformTasks). */
    @Transactional
    public void forgetOldUses() {
        jdbc.sql("DELETE FROM rate_limit_use WHERE used_at <= ?")
                .param(Timestamp.from(clock.instant().minus(WINDOW))).update();
        jdbc.sql("DELETE FROM rate_limit_window WHERE window_start < ?")
                .param(Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(1))))
                .update();
        jdbc.sql("""
                DELETE FROM rate_limit_client c WHERE NOT EXISTS (SELECT 1 FROM rate_limit_use u
                    WHERE u.bucket = c.bucket AND u.client_address = c.client_address)""").update();
    }

    /** The address's row, made if need be and locked; made again if another node forgot it in between. */
    private void lock(String bucket, String address) {
        for (int attempt = 0; attempt < 3; attempt++) {
            jdbc.sql("INSERT INTO rate_limit_client (bucket, client_address) VALUES (?, ?) ON CONFLICT DO NOTHING")
                    .params(bucket, address).update();
            if (jdbc.sql("SELECT client_address FROM rate_limit_client WHERE bucket = ? AND client_address = ? "
                    + "FOR UPDATE").params(bucket, address).query(String.class).optional().isPresent()) {
                return;
            }
        }
        throw new IllegalStateException("The rate limit's row for an address could not be kept");
    }
}
