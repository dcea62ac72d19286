package org.workhealth.organisation;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.workhealth.audit.AuditActor;

/** The signed-in principal Spring Security keeps in the session. */
record StaffUserDetails(CurrentUser user, String passwordHash, boolean active, boolean locked,
        boolean mustChangePassword)
        implements UserDetails, AuditActor {

    /** The same person without the hash their password was checked against, to keep once they are signed in. */
    StaffUserDetails withoutPassword() {
        return new StaffUserDetails(user, null, active, locked, mustChangePassword);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return user.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return user.email();
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return active;
    }

    @Override
    public Long actorId() {
        return user.id();
    }

    @Override
    public String actorEmail() {
        return user.email();
    }

    @Override
    public long actorOrganisationId() {
        return user.organisationId();
    }

    StaffUserDetails erased() {
        return new StaffUserDetails(user, "", active, locked, mustChangePassword);
    }
}
