package org.workhealth.audit;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.workhealth.audit.PendingViews.View;

/**
 * Appends to the audit log. There is deliberately no way to change or remove an entry: this
 * class and {@link AuditSearch} only insert and select; {@link AuditRetention} alone removes entries, and only
 * those older than the retention schedule's period.
 *
 * <p>A view is written only once the page is known to have been shown: during a web request it waits until the
 * handler has finished without a "not found", a refusal or a redirect ({@link AuditViewsInterceptor}), and all the
 * views of one request become one entry. Changes are written at once, in the caller's transaction.
 */
@Service
public class AuditLog {

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, JdbcTemplate jdbcTemplate, Clock clock) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.clock = clock;
    }

    /** A page or download that showed one record's personal data. */
    public void recordView(String recordType, Object recordId, Long organisationId) {
        view(new View(recordType, recordId == null ? null : Objects.toString(recordId), organisationId, List.of()));
    }

    /**
     * A page that listed people's records (a queue, a caseload, search results): one entry for the page, naming
     * every record it showed, in the viewer's organisation.
     */
    public void recordListView(String page, Collection<AuditedRecord> shown) {
        view(new View(page, null, null, List.copyOf(new LinkedHashSet<>(shown))));
    }

    /** A change to a record; {@code action} is a verb such as CREATE, UPDATE, DEACTIVATE. */
    public void recordChange(String action, String recordType, Object recordId, Long organisationId, String detail) {
        record(action, recordType, recordId, organisationId, detail, List.of());
    }

    /** A change that touched many records (an import), naming each of them, in the caller's transaction. */
    public void recordChange(String action, String recordType, Object recordId, Long organisationId, String detail,
            Collection<AuditedRecord> changed) {
        record(action, recordType, recordId, organisationId, detail, changed);
    }

    /** An event about signing in, where the actor may not be authenticated. */
    public void recordSignIn(String action, String email, Long personId, Long organisationId) {
        insert(action, "person", personId, organisationId, null, personId, email, List.of());
    }

    private void view(View view) {
        if (!PendingViews.hold(view)) {
            write(view);
        }
    }

    /** Writes the request's views as one entry: the page has been shown. */
    void writePendingViews(HttpServletRequest request) {
        PendingViews.take(request).forEach(this::write);
    }

    private void write(View view) {
        String detail = view.shown().isEmpty() ? null
                : "Showed " + view.shown().size() + (view.shown().size() == 1 ? " record" : " records");
        record("VIEW", view.type(), view.id(), view.organisationId(), detail, view.shown());
    }

    private void record(String action, String recordType, Object recordId, Long organisationId, String detail,
            Collection<AuditedRecord> records) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Long actorId = null;
        String actorEmail = authentication == null ? null : authentication.getName();
        Long owner = organisationId;
        if (authentication != null && authentication.getPrincipal() instanceof AuditActor actor) {
            actorId = actor.actorId();
            actorEmail = actor.actorEmail();
            owner = organisationId == null ? actor.actorOrganisationId() : organisationId;
        }
        insert(action, recordType, recordId, owner, detail, actorId, actorEmail, records);
    }

    private void insert(String action, String recordType, Object recordId, Long organisationId, String detail,
            Long actorId, String actorEmail, Collection<AuditedRecord> records) {
        KeyHolder key = new GeneratedKeyHolder();
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
                .update(key, "id");
        if (!records.isEmpty()) {
            long eventId = key.getKeyAs(Long.class);
            jdbcTemplate.batchUpdate("INSERT INTO audit_event_record (audit_event_id, record_type, record_id) VALUES (?, ?, ?)",
                    records.stream().map(r -> new Object[] {eventId, r.type(), r.id()}).toList());
        }
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
