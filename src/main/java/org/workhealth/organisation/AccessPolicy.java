package org.workhealth.organisation;

import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The one authorisation rule every module uses: a person may do an action on a record owned by
 * an organisation when one of their roles grants the action and the organisation is theirs or
 * below theirs in the hierarchy.
 */
@Service
public class AccessPolicy {

    private final OrganisationHierarchy hierarchy;
    private final OrganisationRepository organisations;

    AccessPolicy(OrganisationHierarchy hierarchy, OrganisationRepository organisations) {
        this.hierarchy = hierarchy;
        this.organisations = organisations;
    }

    /** An administrator of a national organisation: the only people who change what applies everywhere. */
    public boolean isNationalAdministrator(CurrentUser user) {
        return user != null && user.has(Role.ADMINISTRATOR) && organisations.findById(user.organisationId())
                .map(o -> "NATIONAL".equals(o.typeCode())).orElse(false);
    }

    /** @throws AccessDeniedException (answered with the "you cannot do this" page) unless a national administrator */
    public void requireNationalAdministrator(CurrentUser user) {
        if (!isNationalAdministrator(user)) {
            throw new AccessDeniedException("National administrators only");
        }
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
