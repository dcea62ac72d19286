package org.workhealth.employer.assessment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;
import org.workhealth.employer.Employer;
import org.workhealth.employer.internal.EmployerScope;
import org.workhealth.employer.framework.Criterion;
import org.workhealth.employer.framework.Framework;
import org.workhealth.organisation.OutOfScopeException;

/**
 * Submitting a level or module for assessment, the assessor's decision on each criterion, and the award. Every
 * round is kept: a resubmission is a new round with the answers as they then stood. Callers check access first.
 */
@Service
class AssessmentRounds {

    /** Why a level or module cannot be submitted. */
    static final class NotReady extends RuntimeException {
        NotReady(String message) {
            super(message);
        }
    }

    /** The assessor's decision on one criterion. */
    record Marking(String criterionCode, boolean met, String feedback) {
    }

    private final JdbcClient jdbc;
    private final SelfAssessment selfAssessment;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final AccreditationSettings settings;
    private final Clock clock;

    AssessmentRounds(JdbcClient jdbc, SelfAssessment selfAssessment, AuditLog audit, ApplicationEventPublisher events,
            AccreditationSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.selfAssessment = selfAssessment;
        this.audit = audit;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    static List<Criterion> criteria(Framework framework, ScopeKind kind, String code) {
        return kind == ScopeKind.LEVEL ? framework.ofLevel(code) : framework.ofModule(code);
    }

    /** The rounds of a level or module, newest first. */
    List<Submission> rounds(long employerId, ScopeKind kind, String code) {
        return jdbc.sql("SELECT " + Submission.COLUMNS + " FROM assessment_submission WHERE employer_id = ?"
                + " AND scope_kind = ? AND scope_code = ? ORDER BY round DESC").params(employerId, kind.name(), code)
                .query(Submission::map).list();
    }

    /** Every round of the employer's, newest first. */
    List<Submission> rounds(long employerId) {
        return jdbc.sql("SELECT " + Submission.COLUMNS + " FROM assessment_submission WHERE employer_id = ?"
                + " ORDER BY round DESC, id DESC").param(employerId).query(Submission::map).list();
    }

    Optional<Submission> submission(long employerId, long submissionId) {
        return jdbc.sql("SELECT " + Submission.COLUMNS + " FROM assessment_submission WHERE id = ? AND employer_id = ?")
                .params(submissionId, employerId).query(Submission::map).optional();
    }

    List<Decision> decisions(long submissionId) {
        return jdbc.sql("SELECT submission_id, criterion_code, answer, decision, feedback FROM assessment_decision"
                + " WHERE submission_id = ? ORDER BY criterion_code").param(submissionId).query(Decision.class).list();
    }

    /** Submissions waiting for an assessor, oldest first, of the employers in scope. */
    List<Submission> waiting(EmployerScope scope) {
        return jdbc.sql("SELECT " + Submission.COLUMNS + " FROM assessment_submission WHERE status = 'SUBMITTED' AND "
                + scope.where("employer_id") + " ORDER BY submitted_at, id").params(scope.parameters())
                .query(Submission::map).list();
    }

    /** Sends a level or module for assessment: every criterion must be ready (or met in an earlier round). */
    @Transactional
    Submission submit(Employer employer, ScopeKind kind, String code, Long by) {
        // Two submissions racing for the same round: the round's unique key lets one in.
        Framework framework = selfAssessment.framework(employer);
        List<Criterion> criteria = criteria(framework, kind, code);
        if (criteria.isEmpty()) {
            throw new OutOfScopeException();
        }
        List<Submission> rounds = rounds(employer.id(), kind, code);
        if (!rounds.isEmpty() && rounds.get(0).status() != SubmissionStatus.MORE_NEEDED) {
            throw new NotReady(rounds.get(0).waiting() ? "This has already been sent for assessment"
                    : "Every criterion of this has already been met");
        }
        Map<String, Progress> progress = selfAssessment.progress(employer.id());
        for (Criterion c : criteria) {
            CriterionStatus status = progress.getOrDefault(c.code(), Progress.notStarted(c.code())).status();
            if (status != CriterionStatus.READY && status != CriterionStatus.MET) {
                throw new NotReady("Every criterion must be ready for assessment before you send it");
            }
        }
        selfAssessment.fixVersion(employer);
        int round = rounds.isEmpty() ? 1 : rounds.get(0).round() + 1;
        var key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO assessment_submission (employer_id, version_id, scope_kind, scope_code, round, status,
                                                   submitted_at, submitted_by)
                VALUES (?, ?, ?, ?, ?, 'SUBMITTED', ?, ?)
                """).params(employer.id(), framework.version().id(), kind.name(), code, round, now(), by)
                .update(key, "id");
        long id = key.getKeyAs(Long.class);
        for (Criterion c : criteria) {
            Progress p = progress.get(c.code());
            jdbc.sql("INSERT INTO assessment_decision (submission_id, criterion_code, answer) VALUES (?, ?, ?)")
                    .params(id, c.code(), p.answer()).update();
        }
        audit.recordChange("SUBMIT", "employer-assessment", id, employer.hubOrganisationId(),
                kind.name().toLowerCase() + " " + code + " round " + round);
        return submission(employer.id(), id).orElseThrow();
    }

    /**
     * The assessor's decisions on every criterion of a waiting round. All met: the round is met (and a module is
     * completed); otherwise it goes back to the employer with more needed.
     */
    @Transactional
    SubmissionStatus decide(Employer employer, Submission submission, List<Marking> markings, long by) {
        SubmissionStatus outcome = SubmissionStatus.decided(markings.stream().allMatch(Marking::met));
        int updated = jdbc.sql("UPDATE assessment_submission SET status = :to, assessed_at = :at, assessed_by = :by"
                + " WHERE id = :id AND status IN (:from)")
                .param("to", outcome.name()).param("at", now()).param("by", by).param("id", submission.id())
                .param("from", SubmissionStatus.fromWhichToBecome(outcome)).update();
        if (updated != 1) {
            throw new NotReady("This round has already been assessed");
        }
        for (Marking m : markings) {
            jdbc.sql("UPDATE assessment_decision SET decision = ?, feedback = ? WHERE submission_id = ?"
                    + " AND criterion_code = ?").params(m.met() ? "MET" : "MORE_NEEDED", m.feedback(),
                    submission.id(), m.criterionCode()).update();
            selfAssessment.decided(employer.id(), m.criterionCode(),
                    m.met() ? CriterionStatus.MET : CriterionStatus.MORE_NEEDED);
        }
        boolean allMet = markings.stream().allMatch(Marking::met);
        audit.recordChange("ASSESS", "employer-assessment", submission.id(), employer.hubOrganisationId(),
                allMet ? "All criteria met" : markings.stream().filter(m -> !m.met()).count() + " need more");
        if (allMet && submission.scopeKind() == ScopeKind.MODULE) {
            LocalDate today = LocalDate.now(clock);
            if (!completedModules(employer.id()).containsKey(submission.scopeCode())) {
                jdbc.sql("""
                        INSERT INTO module_completion (employer_id, module_code, version_id, submission_id,
                                                       completed_on)
                        VALUES (?, ?, ?, ?, ?)
                        """).params(employer.id(), submission.scopeCode(), submission.versionId(), submission.id(),
                        today).update();
                events.publishEvent(new ModuleCompleted(employer.id(), employer.hubOrganisationId(),
                        submission.scopeCode(), today));
            }
        }
        return allMet ? SubmissionStatus.MET : SubmissionStatus.MORE_NEEDED;
    }

    /** Awards the level of a met round: dated today, expiring after the setting's period. */
    @Transactional
    long award(Employer employer, Submission submission, long by) {
        if (submission.scopeKind() != ScopeKind.LEVEL || submission.status() != SubmissionStatus.MET) {
            throw new NotReady("Only a level whose criteria are all met can be awarded");
        }
        Integer already = jdbc.sql("SELECT COUNT(*) FROM accreditation_award WHERE submission_id = ?")
                .param(submission.id()).query(Integer.class).single();
        if (already > 0) {
            throw new NotReady("This level has already been awarded");
        }
        LocalDate today = LocalDate.now(clock);
        var key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO accreditation_award (employer_id, hub_organisation_id, level_code, submission_id,
                                                 awarded_on, expires_on, awarded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """).params(employer.id(), employer.hubOrganisationId(), submission.scopeCode(), submission.id(),
                today, today.plus(settings.awardValidFor()), by).update(key, "id");
        long id = key.getKeyAs(Long.class);
        audit.recordChange("AWARD", "employer-award", id, employer.hubOrganisationId(),
                "Awarded " + submission.scopeCode());
        events.publishEvent(new EmployerAccredited(employer.id(), employer.hubOrganisationId(), id,
                submission.scopeCode(), today));
        return id;
    }

    Optional<Long> awardOf(long submissionId) {
        return jdbc.sql("SELECT id FROM accreditation_award WHERE submission_id = ?").param(submissionId)
                .query(Long.class).optional();
    }

    /** Modules the employer has completed, by code, with the date. */
    Map<String, LocalDate> completedModules(long employerId) {
        Map<String, LocalDate> done = new java.util.HashMap<>();
        jdbc.sql("SELECT module_code, completed_on FROM module_completion WHERE employer_id = ?").param(employerId)
                .query((rs, n) -> done.put(rs.getString(1), rs.getObject(2, LocalDate.class))).list();
        return done;
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
