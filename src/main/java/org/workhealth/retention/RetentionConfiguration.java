package org.workhealth.retention;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Scheduling is switched on for the nightly erasure run. */
@Configuration
@EnableScheduling
class RetentionConfiguration {
}
