package org.workhealth.employer.assessment;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;
import org.workhealth.employer.Employer;
import org.workhealth.employer.Employers;
import org.workhealth.employer.framework.Framework;
import org.workhealth.employer.framework.FrameworkVersion;
import org.workhealth.employer.framework.Frameworks;
import org.workhealth.organisation.OutOfScopeException;

/**
 * An employer's own work on the framework: its answer and status for each criterion, and its evidence. Callers
 * check access first ({@link AccreditationAccess}). The version an employer works to is the one recorded on it, or
 * its hub's current version until it first saves anything (reading a page records nothing).
 */
@Service
class SelfAssessment {

    private final JdbcClient jdbc;
    private final Frameworks frameworks;
    private final Employers employers;
    private final AuditLog audit;
    private final Clock clock;

    SelfAssessment(JdbcClient jdbc, Frameworks frameworks, Employers employers, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.frameworks = frameworks;
        this.employers = employers;
        this.audit = audit;
        this.clock = clock;
    }

    /** The framework the employer works to. */
    Framework framework(Employer employer) {
        return frameworks.framework(versionId(employer));
    }

    long versionId(Employer employer) {
        if (employer.frameworkVersionId() != null) {
            return employer.frameworkVersionId();
        }
        return frameworks.current(employer.hubOrganisationId()).map(FrameworkVersion::id)
                .orElseThrow(OutOfScopeException::new);
    }

    /** Records the version the employer works to, if it has none yet. */
    void fixVersion(Employer employer) {
        if (employer.frameworkVersionId() == null) {
            employers.useFrameworkVersion(employer.id(), versionId(employer));
        }
    }

    /** Every criterion the employer has started, by code. */
    Map<String, Progress> progress(long employerId) {
        Map<String, Progress> progress = new HashMap<>();
        jdbc.sql("SELECT criterion_code, answer, status FROM criterion_progress WHERE employer_id = ?")
                .param(employerId).query(Progress.class).list().forEach(p -> progress.put(p.criterionCode(), p));
        return progress;
    }

    Progress progress(long employerId, String code) {
        return jdbc.sql("SELECT criterion_code, answer, status FROM criterion_progress WHERE employer_id = ?"
                + " AND criterion_code = ?").params(employerId, code).query(Progress.class).optional()
                .orElse(Progress.notStarted(code));
    }

    /** The employer's answer, and whether they say it is ready for assessment. */
    @Transactional
    void answer(Employer employer, String code, String answer, boolean ready, long by) {
        fixVersion(employer);
        CriterionStatus status = ready ? CriterionStatus.READY : CriterionStatus.IN_PROGRESS;
        int updated = jdbc.sql("""
                UPDATE criterion_progress SET answer = ?, status = ?, updated_at = ?, updated_by = ?
                WHERE employer_id = ? AND criterion_code = ?
                """).params(answer, status.name(), now(), by, employer.id(), code).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO criterion_progress (employer_id, criterion_code, answer, status, updated_at, updated_by)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """).params(employer.id(), code, answer, status.name(), now(), by).update();
        }
        audit.recordChange("UPDATE", "employer-criterion", employer.id() + "/" + code, employer.hubOrganisationId(),
                "Self-assessment of " + code + ": " + status.label());
    }

    /** Sets the status the assessor's decision gives a criterion. */
    void decided(long employerId, String code, CriterionStatus status) {
        jdbc.sql("UPDATE criterion_progress SET status = ?, updated_at = ? WHERE employer_id = ? AND criterion_code = ?")
                .params(status.name(), now(), employerId, code).update();
    }

    List<Evidence> evidence(long employerId, String code) {
        return jdbc.sql("""
                SELECT %s FROM criterion_evidence WHERE employer_id = ? AND criterion_code = ? ORDER BY id
                """.formatted(Evidence.COLUMNS)).params(employerId, code).query(Evidence::map).list();
    }

    /** How many pieces of evidence each criterion has. */
    Map<String, Integer> evidenceCounts(long employerId) {
        Map<String, Integer> counts = new HashMap<>();
        jdbc.sql("SELECT criterion_code, COUNT(*) FROM criterion_evidence WHERE employer_id = ? GROUP BY criterion_code")
                .param(employerId).query((rs, n) -> counts.put(rs.getString(1), rs.getInt(2))).list();
        return counts;
    }

    Optional<Evidence> evidence(long employerId, long evidenceId) {
        return jdbc.sql("""
                SELECT %s FROM criterion_evidence WHERE id = ? AND employer_id = ?
                """.formatted(Evidence.COLUMNS)).params(evidenceId, employerId).query(Evidence::map).optional();
    }

    byte[] content(long evidenceId) {
        return jdbc.sql("SELECT content FROM criterion_evidence WHERE id = ?").param(evidenceId)
                .query((rs, n) -> rs.getBytes(1)).single();
    }

    @Transactional
    long addEvidence(Employer employer, String code, String description, String fileName,
            EvidenceFileType type, byte[] content, long by) {
        fixVersion(employer);
        var key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO criterion_evidence (employer_id, criterion_code, description, file_name, content_type,
                                                size_bytes, content, added_at, added_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(employer.id(), code, description, fileName, type == null ? null : type.contentType(),
                content == null ? null : content.length, content, now(), by).update(key, "id");
        long id = key.getKeyAs(Long.class);
        if (progress(employer.id(), code).status() == CriterionStatus.NOT_STARTED) {
            jdbc.sql("""
                    INSERT INTO criterion_progress (employer_id, criterion_code, status, updated_at, updated_by)
                    VALUES (?, ?, 'IN_PROGRESS', ?, ?)
                    """).params(employer.id(), code, now(), by).update();
        }
        audit.recordChange("CREATE", "employer-evidence", id, employer.hubOrganisationId(),
                "Evidence for " + code + (fileName == null ? "" : ": " + fileName));
        return id;
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
