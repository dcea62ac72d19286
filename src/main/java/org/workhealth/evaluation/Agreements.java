package org.workhealth.evaluation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;
import org.workhealth.organisation.AccessPolicy;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.organisation.Permission;

/**
 * Data sharing agreements and who may reach them. A commissioner of the owning organisation (or above it) makes and
 * changes them; the evaluator's organisation's evaluators see one only while it is in force. Anyone else is told
 * "not found", so an agreement's existence does not leak across organisations.
 */
@Service
class Agreements {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final AgreementStore store;
    private final AgreementKeyCipher keys;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final Clock clock;

    Agreements(AgreementStore store, AgreementKeyCipher keys, AccessPolicy access, AuditLog audit, Clock clock) {
        this.store = store;
        this.keys = keys;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(LONDON));
    }

    boolean mayManage(CurrentUser user, Agreement agreement) {
        return access.may(user, Permission.MANAGE_PROGRAMMES, agreement.ownerOrganisationId());
    }

    /** An evaluator of the evaluator organisation, while the (current version of the) agreement is in force. */
    boolean mayReceive(CurrentUser user, Agreement agreement) {
        return user.has(Permission.RECEIVE_EXTRACTS) && user.organisationId() == agreement.evaluatorOrganisationId()
                && agreement.inForceOn(today());
    }

    /** The agreement, to a manager of it or an evaluator receiving under it; otherwise not found. */
    Agreement visible(CurrentUser user, long id) {
        Agreement agreement = store.find(id).orElseThrow(OutOfScopeException::new);
        if (!mayManage(user, agreement) && !mayReceive(user, agreement)) {
            throw new OutOfScopeException();
        }
        return agreement;
    }

    Agreement manageable(CurrentUser user, long id) {
        Agreement agreement = store.find(id).orElseThrow(OutOfScopeException::new);
        if (!mayManage(user, agreement)) {
            throw new OutOfScopeException();
        }
        return agreement;
    }

    Agreement receivable(CurrentUser user, long id) {
        Agreement agreement = store.find(id).orElseThrow(OutOfScopeException::new);
        if (!mayReceive(user, agreement)) {
            throw new OutOfScopeException();
        }
        return agreement;
    }

    /** In force today for the evaluator's organisation. */
    List<Agreement> receivableBy(CurrentUser user) {
        if (!user.has(Permission.RECEIVE_EXTRACTS)) {
            return List.of();
        }
        LocalDate today = today();
        return store.forEvaluator(user.organisationId()).stream().filter(a -> a.inForceOn(today)).toList();
    }

    /** Every version of every agreement the commissioner manages. */
    List<Agreement> managedBy(CurrentUser user) {
        if (!user.has(Permission.MANAGE_PROGRAMMES)) {
            return List.of();
        }
        return store.ownedBy(access.scope(user));
    }

    List<Agreement> versions(Agreement agreement) {
        return store.series(agreement.seriesId());
    }

    @Transactional
    Agreement create(CurrentUser user, AgreementTerms terms) {
        if (!user.has(Permission.MANAGE_PROGRAMMES)) {
            throw new OutOfScopeException();
        }
        long id = store.insert(terms, user.organisationId(), null, 1, keys.newKey(), user.id(), clock.instant());
        audit.recordChange("CREATE", "evaluation_agreement", id, user.organisationId(),
                "Data sharing agreement with organisation " + terms.evaluatorOrganisationId() + ", version 1");
        return store.find(id).orElseThrow();
    }

    /**
     * A change: a new version with the same key (so the same pseudonyms) that supersedes the current one, whose
     * extracts keep naming the terms they were made under.
     */
    @Transactional
    Agreement newVersion(CurrentUser user, long id, AgreementTerms terms) {
        Agreement current = manageable(user, id);
        if (current.superseded() || !store.supersede(id, clock.instant())) {
            throw new IllegalStateException("Only the current version of an agreement can be changed");
        }
        long next = store.insert(terms, current.ownerOrganisationId(), current.seriesId(), current.version() + 1,
                current.keyEncrypted(), user.id(), clock.instant());
        audit.recordChange("UPDATE", "evaluation_agreement", next, current.ownerOrganisationId(),
                "Data sharing agreement version " + (current.version() + 1) + " supersedes version "
                        + current.version());
        return store.find(next).orElseThrow();
    }

    Pseudonyms pseudonyms(Agreement agreement) {
        return new Pseudonyms(keys.decrypt(agreement.keyEncrypted()));
    }
}
