package org.workhealth.casework;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;

/** Cases: opened from an accepted referral once the person confirms they want support. */
@Service
public class Casework {

    private final JdbcClient jdbc;
    private final AuditLog audit;

    Casework(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * Opens the case for a referral and returns its id. A referral has at most one case: when it
     * already has one, that case's id comes back and nothing changes. Callers that must not open
     * twice under concurrent requests should hold a lock on the referral; the unique referral_id is
     * the last guard.
     */
    @Transactional
    public long openCase(OpenCase command) {
        Optional<Long> existing = caseForReferral(command.referralId());
        if (existing.isPresent()) {
            return existing.get();
        }
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO support_case (reference, referral_id, programme_id, cohort_id, organisation_id,
                                          key_worker_id, status, opened_on, employment_status_at_referral)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(command.reference(), command.referralId(), command.programmeId(), command.cohortId(),
                        command.organisationId(), command.keyWorkerId(), CaseStatus.OPEN.name(),
                        Date.valueOf(command.openedOn()), command.employmentStatusAtReferral())
                .update(key, "id");
        long id = key.getKeyAs(Long.class);
        audit.recordChange("CREATE", "case", id, command.organisationId(), "Opened from referral " + command.reference());
        return id;
    }

    public Optional<Long> caseForReferral(long referralId) {
        return jdbc.sql("SELECT id FROM support_case WHERE referral_id = ?").param(referralId).query(Long.class)
                .optional();
    }

    /**
     * Caseloads: each key worker's open cases on the programme, the one definition the triage accept page and
     * the caseloads page share (closed cases and accepted referrals without a case do not count).
     *
     * @return key worker id → open cases; key workers with none are absent
     */
    public java.util.Map<Long, Integer> caseloads(java.util.Collection<Long> keyWorkerIds, long programmeId) {
        java.util.Map<Long, Integer> caseloads = new java.util.HashMap<>();
        if (keyWorkerIds.isEmpty()) {
            return caseloads;
        }
        jdbc.sql("SELECT key_worker_id, COUNT(*) AS n FROM support_case WHERE " + Caseloads.OPEN_CASE
                        + " AND programme_id = :programme AND key_worker_id IN (:people) GROUP BY key_worker_id")
                .param("programme", programmeId).param("people", new java.util.ArrayList<>(keyWorkerIds))
                .query(rs -> {
                    caseloads.put(rs.getLong("key_worker_id"), rs.getInt("n"));
                });
        return caseloads;
    }

    public Optional<SupportCase> find(long id) {
        return jdbc.sql("""
                SELECT id, reference, referral_id, programme_id, cohort_id, organisation_id, key_worker_id, status,
                       opened_on, employment_status_at_referral
                FROM support_case WHERE id = ?
                """).param(id).query(Casework::map).optional();
    }

    /**
     * The references of cases, by id, in one query: statements and extracts name a case by its reference,
     * which is not personal data, rather than by the person's name.
     */
    public java.util.Map<Long, String> references(java.util.Collection<Long> caseIds) {
        if (caseIds.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<Long, String> references = new java.util.HashMap<>();
        jdbc.sql("SELECT id, reference FROM support_case WHERE id IN (:ids)")
                .param("ids", new java.util.ArrayList<>(new java.util.HashSet<>(caseIds)))
                .query(rs -> {
                    references.put(rs.getLong("id"), rs.getString("reference"));
                });
        return references;
    }

    private static SupportCase map(ResultSet rs, int row) throws SQLException {
        long cohort = rs.getLong("cohort_id");
        Long cohortId = rs.wasNull() ? null : cohort;
        return new SupportCase(rs.getLong("id"), rs.getString("reference"), rs.getLong("referral_id"),
                rs.getLong("programme_id"), cohortId, rs.getLong("organisation_id"), rs.getLong("key_worker_id"),
                CaseStatus.valueOf(rs.getString("status")), rs.getDate("opened_on").toLocalDate(),
                rs.getString("employment_status_at_referral"));
    }
}
