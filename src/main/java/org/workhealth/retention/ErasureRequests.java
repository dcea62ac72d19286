package org.workhealth.retention;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.workhealth.audit.AuditLog;
import org.workhealth.organisation.AccessPolicy;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.organisation.Permission;

/** A person's referral and case erased on their request, with the reason, through the same report as the job. */
@Service
class ErasureRequests {

    private final ErasureTarget target;
    private final RetentionRuns runs;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final java.time.Clock clock;

    ErasureRequests(ErasureTarget target, RetentionRuns runs, AccessPolicy access, AuditLog audit,
            java.time.Clock clock) {
        this.target = target;
        this.runs = runs;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** The record with this reference, when it is in the person's scope; otherwise empty, as if it did not exist. */
    Optional<ErasureSubject> find(CurrentUser user, String reference) {
        return target.find(reference)
                .filter(subject -> access.may(user, Permission.MANAGE_RETENTION, subject.organisationId()));
    }

    /**
     * @return the run's id
     * @throws OutOfScopeException when the record is not in the person's scope
     * @throws IllegalStateException when erasure is refused (see {@link ErasureSubject#refusal()})
     */
    @org.springframework.transaction.annotation.Transactional
    long erase(CurrentUser user, String reference, String reason) {
        ErasureSubject subject = find(user, reference).orElseThrow(OutOfScopeException::new);
        if (subject.refusal() != null) {
            throw new IllegalStateException(subject.refusal());
        }
        long runId = runs.start(RetentionRun.Trigger.ON_REQUEST, clock.instant(), user.id(),
                subject.organisationId(), subject.reference(), reason);
        int erased = target.erase(subject.reference());
        runs.count(runId, subject.hasCase() ? RetentionKind.CASE_FILE : RetentionKind.UNCONVERTED_REFERRAL, null,
                new RetentionStep.Erased(erased, 0));
        runs.finish(runId, clock.instant());
        audit.recordChange("ERASE", subject.hasCase() ? "case" : "referral", subject.reference(),
                subject.organisationId(), "Erased on request: " + reason);
        return runId;
    }
}
