package org.workhealth.audit;

import java.time.LocalDate;

/** What an administrator searches the audit log by; every part is optional. */
record AuditQuery(String actor, String recordType, String recordId, LocalDate from, LocalDate to) {
}
