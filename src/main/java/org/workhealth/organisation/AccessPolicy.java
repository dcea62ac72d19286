package org.workhealth.organisation;

import java.util.Set;

import org.springframework.stereotype.Service;

/**
 * The one authorisation rule every module uses: a person may do an action on a record owned by
 * an organisation when one of their roles grants the action and the organisation is theirs or
 * below theirs in the hierarchy.
 */
@Service
public class AccessPolicy {

    private final OrganisationHierarchy hierarchy;

    AccessPolicy(OrganisationHierarchy hierarchy) {
        this.hierarchy = hierarchy;
    }

    public boolean may(CurrentUser user, Permission permission, long owningOrganisationId) {
        return user != null && user.has(permission)
                && hierarchy.scopeOf(user.organisationId()).contains(owningOrganisationId);
    }

    /** @throws OutOfScopeException when {@link #may} is false */
    public void require(CurrentUser user, Permission permission, long owningOrganisationId) {
        if (!may(user, permission, owningOrganisationId)) {
            throw new OutOfScopeException();
        }
    }

    /** An organisation and every organisation below it. */
    public Set<Long> scopeOf(long organisationId) {
        return hierarchy.scopeOf(organisationId);
    }

    /** The person's organisation and every organisation below it. */
    public Set<Long> scope(CurrentUser user) {
        return hierarchy.scopeOf(user.organisationId());
    }
}
