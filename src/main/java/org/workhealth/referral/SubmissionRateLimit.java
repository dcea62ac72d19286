package org.workhealth.referral;

import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.workhealth.platform.RateLimits;

/** How many public referrals one address may send in an hour (10 unless the operator sets another number). */
@Component
class SubmissionRateLimit {

    private final RateLimits limits;
    private final int perHour;

    SubmissionRateLimit(RateLimits limits,
            @Value("${workhealth.referral.public-submissions-per-hour:10}") int perHour) {
        this.limits = limits;
        this.perHour = perHour;
    }

    /** @return the place taken, to {@link #release} if the submission turns out not to count; empty when none is left */
    Optional<Long> claim(String address) {
        return limits.claim("PUBLIC_REFERRAL", address, perHour);
    }

    /** Gives back a place taken for a submission that was refused or had been received before. */
    void release(long place) {
        limits.release(place);
    }
}
