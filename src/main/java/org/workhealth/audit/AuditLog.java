package org.workhealth.audit;

import java.time.Clock;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Appends to the audit log. There is deliberately no way to change or remove an entry: this
 * class and {@link AuditSearch} only insert and select; {@link AuditRetention} alone removes entries, and only
 * those older than the retention schedule's period.
 */
@Service
public class AuditLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A page or download that showed personal data. */
    public void recordView(String recordType, Object recordId, Long organisationId) {
        record("VIEW", recordType, recordId, organisationId, null);
    }

    /** A change to a record; {@code action} is a verb such as CREATE, UPDATE, DEACTIVATE. */
    public void recordChange(String action, String recordType, Object recordId, Long organisationId, String detail) {
        record(action, recordType, recordId, organisationId, detail);
    }

    /** An event about signing in, where the actor may not be authenticated. */
    public void recordSignIn(String action, String email, Long personId, Long organisationId) {
        insert(action, "person", personId, organisationId, null, personId, email);
    }

    private void record(String action, String recordType, Object recordId, Long organisationId, String detail) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Long actorId = null;
        String actorEmail = authentication == null ? null : authentication.getName();
        Long owner = organisationId;
        if (authentication != null && authentication.getPrincipal() instanceof AuditActor actor) {
            actorId = actor.actorId();
            actorEmail = actor.actorEmail();
            owner = organisationId == null ? actor.actorOrganisationId() : organisationId;
        }
        insert(action, recordType, recordId, owner, detail, actorId, actorEmail);
    }

    private void insert(String action, String recordType, Object recordId, Long organisationId, String detail,
            Long actorId, String actorEmail) {
        jdbc.sql("""
                INSERT INTO audit_event (occurred_at, actor_id, actor_email, action, record_type, record_id,
                                         organisation_id, ip_address, detail)
                VALUES (:at, :actorId, :actorEmail, :action, :recordType, :recordId, :organisationId, :ip, :detail)
                """)
                .param("at", java.sql.Timestamp.from(clock.instant()))
                .param("actorId", actorId)
                .param("actorEmail", actorEmail)
                .param("action", action)
                .param("recordType", recordType)
                .param("recordId", recordId == null ? null : Objects.toString(recordId))
                .param("organisationId", organisationId)
                .param("ip", clientAddress())
                .param("detail", truncate(detail))
                .update();
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest().getRemoteAddr();
        }
        return null;
    }

    private static String truncate(String detail) {
        return detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
    }
}
