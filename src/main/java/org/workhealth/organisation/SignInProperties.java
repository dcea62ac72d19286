package org.workhealth.organisation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** How many failed sign-ins lock an account, and for how long. */
@ConfigurationProperties("workhealth.sign-in")
record SignInProperties(int maxFailures, Duration lockDuration) {

    SignInProperties {
        if (maxFailures < 1) {
            maxFailures = 5;
        }
        if (lockDuration == null) {
            lockDuration = Duration.ofMinutes(15);
        }
    }
}
