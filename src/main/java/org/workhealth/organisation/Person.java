package org.workhealth.organisation;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** A member of staff's account: one organisation, one or more roles. */
@Table("person")
public record Person(@Id Long id, String email, String fullName, Long organisationId, String passwordHash,
        boolean active, boolean mustChangePassword, int failedSignIns, Instant lockedUntil, Instant createdAt,
        @MappedCollection(idColumn = "person_id") Set<PersonRole> roles, @Version Integer version) {

    @Table("person_role")
    public record PersonRole(Role role) {
    }

    static Person create(String email, String fullName, long organisationId, String passwordHash, Set<Role> roles,
            Instant now) {
        return new Person(null, normaliseEmail(email), fullName.strip(), organisationId, passwordHash, true, true, 0,
                null, now, toRows(roles), null);
    }

    static String normaliseEmail(String email) {
        return email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT);
    }

    public Set<Role> roleSet() {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class)
                : EnumSet.copyOf(roles.stream().map(PersonRole::role).collect(Collectors.toSet()));
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    Person withRoles(Set<Role> newRoles) {
        return new Person(id, email, fullName, organisationId, passwordHash, active, mustChangePassword, failedSignIns,
                lockedUntil, createdAt, toRows(newRoles), version);
    }

    Person deactivated() {
        return new Person(id, email, fullName, organisationId, passwordHash, false, mustChangePassword, failedSignIns,
                lockedUntil, createdAt, roles, version);
    }

    Person reactivated() {
        return new Person(id, email, fullName, organisationId, passwordHash, true, mustChangePassword, 0, null,
                createdAt, roles, version);
    }

    Person withPassword(String newHash, boolean mustChange) {
        return new Person(id, email, fullName, organisationId, newHash, active, mustChange, 0, null, createdAt, roles,
                version);
    }

    private static Set<PersonRole> toRows(Set<Role> roles) {
        return roles.stream().map(PersonRole::new).collect(Collectors.toSet());
    }
}
