package org.workhealth.api;

import java.time.LocalDate;
import java.util.Set;

import org.workhealth.audit.AuditActor;

/**
 * An API client making a call: it acts for its organisation, within that organisation's scope in the hierarchy,
 * exactly as a person of that organisation would, and only for its scopes. The audit log names it by its key.
 */
public record ApiCaller(long clientId, String clientKey, String name, long organisationId, Set<ApiScope> scopes,
        LocalDate expiresOn) implements AuditActor {

    public ApiCaller {
        scopes = Set.copyOf(scopes);
    }

    public boolean has(ApiScope scope) {
        return scopes.contains(scope);
    }

    @Override
    public Long actorId() {
        return null;
    }

    @Override
    public String actorEmail() {
        return "api-client:" + clientKey;
    }

    @Override
    public long actorOrganisationId() {
        return organisationId;
    }
}
