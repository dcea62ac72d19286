package org.workhealth.audit;

import java.time.Instant;

/** One line of the audit log: who did what to which record, when, and from where. */
record AuditEntry(long id, Instant occurredAt, Long actorId, String actorEmail, String action,
        String recordType, String recordId, Long organisationId, String ipAddress, String detail) {
}
