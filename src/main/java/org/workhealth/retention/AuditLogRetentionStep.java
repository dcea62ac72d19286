package org.workhealth.retention;

import java.time.Instant;

import org.springframework.stereotype.Component;
import org.workhealth.audit.AuditRetention;

/** The audit module cannot implement {@link RetentionStep} itself (this module records to it), so this adapts it. */
@Component
class AuditLogRetentionStep implements RetentionStep {

    private final AuditRetention auditRetention;

    AuditLogRetentionStep(AuditRetention auditRetention) {
        this.auditRetention = auditRetention;
    }

    @Override
    public RetentionKind kind() {
        return RetentionKind.AUDIT_LOG;
    }

    @Override
    public Erased eraseDue(Instant cutoff) {
        return new Erased(auditRetention.deleteBefore(cutoff), 0);
    }
}
