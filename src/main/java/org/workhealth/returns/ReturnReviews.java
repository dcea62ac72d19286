package org.workhealth.returns;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;
import org.workhealth.milestone.PeriodLocks;
import org.workhealth.organisation.AccessPolicy;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.organisation.Permission;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;

/**
 * The hub's review of its localities' returns. Approving a return locks the quarter on the milestone record for
 * the contracts it counted, so the approved figures cannot drift; lifting that lock takes a reason and sends the
 * return back to the locality, which compiles and submits a new version.
 */
@Service
class ReturnReviews {

    static final int MAX_COMMENT = 2000;

    private final ReturnStates states;
    private final PeriodLocks locks;
    private final Programmes programmes;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final Clock clock;
    private final ReturnMessages messages;

    ReturnReviews(ReturnStates states, PeriodLocks locks, Programmes programmes, AccessPolicy access, AuditLog audit,
            Clock clock, ReturnMessages messages) {
        this.messages = messages;
        this.states = states;
        this.locks = locks;
        this.programmes = programmes;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A locality's return the person may review: they approve returns, and the return's organisation sits below
     * theirs. Anyone else is told it does not exist.
     */
    DataReturn reviewable(CurrentUser user, long id) {
        if (!user.has(Permission.APPROVE_RETURNS_AND_CLAIMS)) {
            throw new OutOfScopeException();
        }
        DataReturn r = states.byId(id).orElseThrow(OutOfScopeException::new);
        if (r.collated() || r.organisationId() == user.organisationId()
                || !access.scope(user).contains(r.organisationId())) {
            throw new OutOfScopeException();
        }
        return r;
    }

    @Transactional
    void approve(CurrentUser user, DataReturn r) {
        if (!states.move(r.id(), ReturnStatus.SUBMITTED, ReturnStatus.APPROVED)) {
            throw new ReturnStateException("Only a submitted return can be approved: this one is "
                    + states.byId(r.id()).orElseThrow().statusLabel().toLowerCase());
        }
        Programme programme = programmes.find(r.programmeId()).orElseThrow();
        long lock = locks.lock(states.contracts(r.id()), r.quarter().start(), r.quarter().end(),
                programme.name() + " return for " + r.quarter().label() + " approved", user.id());
        states.lock(r.id(), lock);
        states.event(r.id(), "APPROVED", clock.instant(), user.id(), null);
        audit.recordChange("APPROVE", "data_return", r.id(), r.organisationId(), programme.code() + " "
                + r.quarter().label() + " version " + r.version() + "; period locked");
        messages.approved(r);
    }

    @Transactional
    void sendBack(CurrentUser user, DataReturn r, String comment) {
        if (!states.move(r.id(), ReturnStatus.SUBMITTED, ReturnStatus.RETURNED)) {
            throw new ReturnStateException("Only a submitted return can be returned: this one is "
                    + states.byId(r.id()).orElseThrow().statusLabel().toLowerCase());
        }
        states.event(r.id(), "RETURNED", clock.instant(), user.id(), comment);
        audit.recordChange("RETURN", "data_return", r.id(), r.organisationId(), comment);
        messages.returned(r);
    }

    /** Lifts the lock approval put on the period, and returns the return so the locality can correct it. */
    @Transactional
    void unlock(CurrentUser user, DataReturn r, String reason) {
        if (!states.move(r.id(), ReturnStatus.APPROVED, ReturnStatus.RETURNED)) {
            throw new ReturnStateException("Only an approved return's period can be unlocked");
        }
        if (r.lockId() != null) {
            locks.lift(r.lockId(), reason, user.id());
        }
        states.lock(r.id(), null);
        states.event(r.id(), "UNLOCKED", clock.instant(), user.id(), reason);
        audit.recordChange("UNLOCK", "data_return", r.id(), r.organisationId(), "Period "
                + r.quarter().label() + " unlocked: " + reason);
        messages.returned(r);
    }

    /** The problem with a comment or reason the hub typed, or null when it will do. */
    static String commentProblem(String comment, String missing) {
        if (comment.isEmpty()) {
            return missing;
        }
        return comment.length() > MAX_COMMENT ? "Comment must be " + MAX_COMMENT + " characters or fewer" : null;
    }
}
