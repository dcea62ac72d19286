package org.workhealth.employer.engagement;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;
import org.workhealth.employer.Employer;
import org.workhealth.employer.internal.EmployerAccess;
import org.workhealth.employer.internal.EmployerScope;
import org.workhealth.employer.figures.EmployerMilestones;
import org.workhealth.milestone.MilestoneType;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;

/**
 * Case studies: written as drafts by an employer's advisor (or someone running the programme), approved once the
 * employer's consent to publish is recorded (who gave it, who recorded it, when), then published, which writes the
 * {@code CASE_STUDY_PUBLISHED} milestone the Thrive at Work KPI counts. The status moves only as
 * {@link CaseStudyStatus} allows, and a change made by someone else first is refused (the version must match).
 */
@Service
class CaseStudies {

    static final int LIST_LIMIT = 100;

    private static final String COLUMNS = """
            s.id, s.employer_id, e.name AS employer_name, e.hub_organisation_id, s.title, s.body, s.status,
            s.consent_given_by, s.consent_recorded_by, s.consent_recorded_at, s.published_on, s.version""";
    private static final String FROM = " FROM employer_case_study s JOIN employer e ON e.id = s.employer_id";

    /** Thrown when a case study changed, or moved on, since the person opened it. */
    static class ChangedException extends RuntimeException {
        ChangedException(String message) {
            super(message);
        }
    }

    private final JdbcClient jdbc;
    private final EmployerAccess employerAccess;
    private final Engagements engagements;
    private final EmployerMilestones milestones;
    private final AuditLog audit;
    private final Clock clock;

    CaseStudies(JdbcClient jdbc, EmployerAccess employerAccess, Engagements engagements, EmployerMilestones milestones,
            AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.employerAccess = employerAccess;
        this.engagements = engagements;
        this.milestones = milestones;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new draft. @throws OutOfScopeException unless the person may record for the employer */
    @Transactional
    long write(CurrentUser user, long employerId, String title, String body) {
        Employer employer = employerAccess.readable(user, employerId);
        if (!engagements.mayRecordFor(user, employerId)) {
            throw new OutOfScopeException();
        }
        return insert(employer, title, body, user.id());
    }

    @Transactional
    long insert(Employer employer, String title, String body, long writtenBy) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO employer_case_study (employer_id, title, body, status, written_by, written_at)
                VALUES (?, ?, ?, 'DRAFT', ?, ?)""")
                .params(employer.id(), title, body, writtenBy, Timestamp.from(clock.instant())).update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        audit.recordChange("CREATE", "employer_case_study", id, employer.hubOrganisationId(), "Draft: " + title);
        return id;
    }

    /** @throws OutOfScopeException when there is no such case study or the person may not see its employer */
    CaseStudy readable(CurrentUser user, long id) {
        CaseStudy study = find(id).orElseThrow(OutOfScopeException::new);
        employerAccess.readable(user, study.employerId());
        return study;
    }

    /** The case study, when the person may move it on. */
    CaseStudy changeable(CurrentUser user, long id) {
        CaseStudy study = readable(user, id);
        if (!engagements.mayRecordFor(user, study.employerId())) {
            throw new OutOfScopeException();
        }
        return study;
    }

    /** Approves a draft for publishing, recording the employer's consent. */
    @Transactional
    void approve(CurrentUser user, long id, int version, String consentGivenBy) {
        CaseStudy study = changeable(user, id);
        CaseStudyStatus next = transition(study, version, study.status()::approve);
        int updated = jdbc.sql("""
                UPDATE employer_case_study SET status = :status, consent_given_by = :consent,
                    consent_recorded_by = :by, consent_recorded_at = :at, approved_by = :by, approved_at = :at,
                    version = version + 1
                WHERE id = :id AND version = :version""")
                .param("status", next.name()).param("consent", consentGivenBy).param("by", user.id())
                .param("at", Timestamp.from(clock.instant())).param("id", id).param("version", version).update();
        changed(updated);
        audit.recordChange("APPROVE", "employer_case_study", id, study.hubOrganisationId(),
                "Consent to publish given by " + consentGivenBy);
    }

    /** Publishes an approved case study today, writing its milestone. */
    @Transactional
    void publish(CurrentUser user, long id, int version) {
        publish(changeable(user, id), version, LocalDate.now(clock), user.id());
    }

    @Transactional
    void publish(CaseStudy study, int version, LocalDate on, Long by) {
        CaseStudyStatus next = transition(study, version, study.status()::publish);
        int updated = jdbc.sql("""
                UPDATE employer_case_study SET status = :status, published_on = :on, version = version + 1
                WHERE id = :id AND version = :version""")
                .param("status", next.name()).param("on", Date.valueOf(on)).param("id", study.id())
                .param("version", version).update();
        changed(updated);
        milestones.record(MilestoneType.CASE_STUDY_PUBLISHED, study.hubOrganisationId(), on,
                Map.of("employer", String.valueOf(study.employerId()), "case_study", String.valueOf(study.id())), by)
                .ifPresent(m -> jdbc.sql("UPDATE employer_case_study SET milestone_id = ? WHERE id = ?")
                        .params(m, study.id()).update());
        audit.recordChange("PUBLISH", "employer_case_study", study.id(), study.hubOrganisationId(), study.title());
    }

    /** The most recent case studies of employers the person sees, in one query. */
    List<CaseStudy> recent(CurrentUser user) {
        EmployerScope scope = employerAccess.scope(user);
        if (scope.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE " + scope.where("s.employer_id")
                        + " ORDER BY s.written_at DESC, s.id DESC FETCH FIRST " + LIST_LIMIT + " ROWS ONLY")
                .params(scope.parameters()).query(CaseStudies::caseStudy).list();
    }

    java.util.Optional<CaseStudy> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE s.id = ?").param(id).query(CaseStudies::caseStudy)
                .optional();
    }

    private static CaseStudyStatus transition(CaseStudy study, int version,
            java.util.function.Supplier<CaseStudyStatus> move) {
        if (study.version() != version) {
            throw new ChangedException("Someone else changed this case study while you were looking at it. "
                    + "Check it as it is now");
        }
        try {
            return move.get();
        } catch (IllegalStateException wrongState) {
            throw new ChangedException(wrongState.getMessage());
        }
    }

    private static void changed(int updated) {
        if (updated != 1) {
            throw new ChangedException("Someone else changed this case study while you were looking at it. "
                    + "Check it as it is now");
        }
    }

    private static CaseStudy caseStudy(ResultSet rs, int row) throws SQLException {
        Timestamp consentAt = rs.getTimestamp("consent_recorded_at");
        Date published = rs.getDate("published_on");
        long recordedBy = rs.getLong("consent_recorded_by");
        Long consentBy = rs.wasNull() ? null : recordedBy;
        return new CaseStudy(rs.getLong("id"), rs.getLong("employer_id"), rs.getString("employer_name"),
                rs.getLong("hub_organisation_id"), rs.getString("title"), rs.getString("body"),
                CaseStudyStatus.valueOf(rs.getString("status")), rs.getString("consent_given_by"), consentBy,
                consentAt == null ? null : consentAt.toInstant(), published == null ? null : published.toLocalDate(),
                rs.getInt("version"));
    }
}
