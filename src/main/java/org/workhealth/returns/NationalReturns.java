package org.workhealth.returns;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.workhealth.audit.AuditLog;
import org.workhealth.organisation.AccessPolicy;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.Organisations;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.organisation.Permission;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;

/**
 * The collated returns hubs have sent, for national users: figures and pseudonymous rows, never a name. A hub's own
 * commissioners may read what they sent too.
 */
@Service
class NationalReturns {

    /** A sent return as listed, with the hub and programme it is for. */
    record Sent(DataReturn dataReturn, String hubName, Programme programme) {
    }

    private final ReturnStates states;
    private final ReturnStore store;
    private final CollationStore collations;
    private final ReturnTemplates templates;
    private final Programmes programmes;
    private final Organisations organisations;
    private final AccessPolicy access;
    private final AuditLog audit;

    NationalReturns(ReturnStates states, ReturnStore store, CollationStore collations,
            ReturnTemplates templates, Programmes programmes, Organisations organisations, AccessPolicy access,
            AuditLog audit) {
        this.states = states;
        this.store = store;
        this.collations = collations;
        this.templates = templates;
        this.programmes = programmes;
        this.organisations = organisations;
        this.access = access;
        this.audit = audit;
    }

    static boolean mayRead(CurrentUser user) {
        return user.has(Permission.RECEIVE_RETURNS) || user.has(Permission.APPROVE_RETURNS_AND_CLAIMS);
    }

    /** Every sent return of the hubs in the person's scope, newest quarter first. */
    List<Sent> list(CurrentUser user) {
        if (!mayRead(user)) {
            throw new OutOfScopeException();
        }
        Map<Long, String> names = organisations.namesById();
        Map<Long, Programme> byId = programmes.all().stream()
                .collect(Collectors.toMap(Programme::id, Function.identity()));
        return states.sent(access.scope(user)).stream()
                .map(r -> new Sent(r, names.get(r.organisationId()), byId.get(r.programmeId()))).toList();
    }

    /** A sent return the person may read; anyone else is told it does not exist. */
    Sent sent(CurrentUser user, long id) {
        if (!mayRead(user)) {
            throw new OutOfScopeException();
        }
        DataReturn r = states.byId(id).filter(found -> found.collated() && found.is(DataReturn.SENT)
                && access.scope(user).contains(found.organisationId())).orElseThrow(OutOfScopeException::new);
        return new Sent(r, organisations.find(r.organisationId()).orElseThrow().name(),
                programmes.find(r.programmeId()).orElseThrow());
    }

    ReturnTemplate template(Sent sent) {
        return templates.forProgramme(sent.programme().id()).orElseThrow();
    }

    List<ReturnFigure> figures(Sent sent) {
        return store.figures(sent.dataReturn().id());
    }

    /** The rows, at most {@code limit}; reading them is logged. */
    List<CollatedRow> rows(Sent sent, int limit) {
        audit.recordView("data_return", sent.dataReturn().id(), sent.dataReturn().organisationId());
        return collations.rows(sent.dataReturn().id(), limit);
    }
}
