package org.workhealth.employer.framework;

import java.util.Set;

import org.springframework.stereotype.Component;
import org.workhealth.organisation.AccessPolicy;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.organisation.Permission;

/**
 * Who may see and change the framework. Its criteria hold no personal data: anyone signed in at or above the hub
 * (its commissioners, advisors, assessors and employers' people, who are people of the hub) reads them; a
 * commissioner of the hub, or above it, changes them.
 */
@Component
public class FrameworkAccess {

    private final AccessPolicy access;

    FrameworkAccess(AccessPolicy access) {
        this.access = access;
    }

    public Set<Long> hubsInScope(CurrentUser user) {
        return access.scope(user);
    }

    public boolean mayRead(CurrentUser user, FrameworkVersion version) {
        return access.scope(user).contains(version.hubOrganisationId());
    }

    public boolean mayEdit(CurrentUser user, FrameworkVersion version) {
        return editor(user) && mayRead(user, version);
    }

    public void requireRead(CurrentUser user, FrameworkVersion version) {
        if (!mayRead(user, version)) {
            throw new OutOfScopeException();
        }
    }

    public void requireEdit(CurrentUser user, FrameworkVersion version) {
        if (!mayEdit(user, version)) {
            throw new OutOfScopeException();
        }
    }

    private static boolean editor(CurrentUser user) {
        return user.has(Permission.MANAGE_EMPLOYER_PROGRAMME) || user.has(Permission.MANAGE_PROGRAMMES);
    }
}
