package org.workhealth.organisation;

import java.util.Set;

/** The signed-in member of staff: who they are, which organisation they act for, and their roles. */
public record CurrentUser(long id, String email, String fullName, long organisationId, String organisationName,
        Set<Role> roles) {

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean has(Permission permission) {
        return roles.stream().anyMatch(role -> role.grants(permission));
    }
}
