package org.workhealth.organisation;

import java.io.Serializable;
import java.util.Set;

/**
 * The signed-in member of staff: who they are, which organisation they act for, and their roles. Kept in the
 * session, which lives in the database, so it is serializable.
 */
public record CurrentUser(long id, String email, String fullName, long organisationId, String organisationName,
        Set<Role> roles) implements Serializable {

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean has(Permission permission) {
        return roles.stream().anyMatch(role -> role.grants(permission));
    }
}
