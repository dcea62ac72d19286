package org.workhealth.retention;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.workhealth.audit.AuditRetention;

/** Scheduling is switched on for the nightly erasure run. */
@Configuration
@EnableScheduling
class RetentionConfiguration {

    /** The audit module cannot implement {@link RetentionStep} itself (this module records to it): adapted here. */
    @Bean
    RetentionStep auditLogRetention(AuditRetention auditRetention) {
        return RetentionStep.of(RetentionKind.AUDIT_LOG,
                cutoff -> new RetentionStep.Erased(auditRetention.deleteBefore(cutoff), 0));
    }
}
