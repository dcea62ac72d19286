package org.workhealth.employer;

import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.workhealth.platform.RateLimits;

/** How many public sign-ups one address may send in an hour (5 unless the operator sets another number). */
@Component
class SignUpRateLimit {

    private final RateLimits limits;
    private final int perHour;

    SignUpRateLimit(RateLimits limits, @Value("${workhealth.employer.public-sign-ups-per-hour:5}") int perHour) {
        this.limits = limits;
        this.perHour = perHour;
    }

    /** A place for one sign-up in the last hour; empty when none is left. */
    Optional<Long> claim(String address) {
        return limits.claim("EMPLOYER_SIGN_UP", address, perHour);
    }

    /** Gives back a place taken for a sign-up that was not recorded. */
    void release(long place) {
        limits.release(place);
    }
}
