package org.workhealth.returns;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

/** A return's earlier versions: what changed since the one before, and what happened to each. */
@Service
class ReturnVersions {

    private final ReturnStates states;
    private final ReturnStore store;

    ReturnVersions(ReturnStates states, ReturnStore store) {
        this.states = states;
        this.store = store;
    }

    /** The differences from the version before, when there is one. */
    Optional<ReturnDiff> diff(DataReturn r, ReturnTemplate template) {
        return states.previous(r).map(before -> ReturnDiff.between(before.version(), store.figures(before.id()),
                store.figures(r.id()), store.rows(before.id(), Integer.MAX_VALUE), store.rows(r.id(),
                        Integer.MAX_VALUE), template.knownColumns()));
    }

    List<ReturnEvent> events(DataReturn r) {
        return states.events(r.id());
    }

    /** The hub's comment on the version before this one, which the locality is putting right. */
    Optional<ReturnEvent> comment(DataReturn r) {
        if (r.is(DataReturn.RETURNED)) {
            return states.lastComment(r.id());
        }
        return states.previous(r).filter(p -> p.is(DataReturn.RETURNED)).flatMap(p -> states.lastComment(p.id()));
    }
}
