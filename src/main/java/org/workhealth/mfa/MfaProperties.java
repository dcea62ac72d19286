package org.workhealth.mfa;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who must use a second factor ({@code MFA_REQUIRED}) and how many wrong codes pause code entry for how long.
 * docs/security.md explains the choices.
 */
@ConfigurationProperties("workhealth.mfa")
record MfaProperties(Requirement required, int maxFailures, Duration lockDuration) {

    enum Requirement {
        /** {@link #PERSONAL_DATA}, except on the embedded H2 database of a laptop demo, where {@link #NOBODY}. */
        AUTO,
        /** Roles that read personal data, and administrators, who can grant them. */
        PERSONAL_DATA,
        EVERYONE,
        /** Nobody is made to; anyone may still set it up. */
        NOBODY
    }

    MfaProperties {
        if (required == null) {
            required = Requirement.AUTO;
        }
        if (maxFailures < 1) {
            maxFailures = 5;
        }
        if (lockDuration == null) {
            lockDuration = Duration.ofMinutes(15);
        }
    }
}
