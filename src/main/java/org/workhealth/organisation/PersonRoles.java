package org.workhealth.organisation;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;

/**
 * Changing a person's roles, with separation of duties: nobody changes their own, and roles that show personal
 * data are given as {@link RoleGrants} allows. Every change is checked against the actor's scope and audited.
 */
@Service
class PersonRoles {

    private final PersonRepository repository;
    private final People people;
    private final RoleGrants grants;
    private final AccessPolicy access;
    private final AuditLog audit;

    PersonRoles(PersonRepository repository, People people, RoleGrants grants, AccessPolicy access, AuditLog audit) {
        this.repository = repository;
        this.people = people;
        this.grants = grants;
        this.access = access;
        this.audit = audit;
    }

    /**
     * Removes roles at once and adds them as {@link RoleGrants} allows: some may wait for a second administrator.
     * Nobody changes their own roles.
     *
     * @return the roles that now wait for approval
     */
    @Transactional
    public Set<Role> changeRoles(CurrentUser actor, long personId, Set<Role> roles) {
        Person person = manageableOther(actor, personId);
        Set<Role> before = person.roleSet();
        Set<Role> added = EnumSet.noneOf(Role.class);
        added.addAll(roles);
        added.removeAll(before);
        RoleGrants.Outcome outcome = grants.request(actor, person, added, roles);
        Set<Role> after = EnumSet.noneOf(Role.class);
        after.addAll(before);
        after.retainAll(roles);
        after.addAll(outcome.given());
        repository.save(person.withRoles(after));
        audit.recordChange("UPDATE", "person", personId, person.organisationId(),
                "Roles changed from " + before + " to " + after + People.awaiting(outcome));
        return outcome.awaitingApproval();
    }

    /** Requests for roles waiting for a second administrator, for one person. */
    public List<RoleGrants.Grant> pendingGrants(CurrentUser actor, long personId) {
        return grants.pending(people.manageable(actor, personId).id());
    }

    /** Requests waiting for approval that this administrator may decide, across their scope. */
    public List<RoleGrants.Grant> grantsToDecide(CurrentUser actor) {
        return grants.pendingWithin(access.scope(actor)).stream().filter(g -> g.mayBeDecidedBy(actor)).toList();
    }

    /** How the signed-in person came to hold their roles. */
    public List<RoleGrants.Grant> grantsOf(CurrentUser user) {
        return grants.givenTo(user.id(), user.roles());
    }

    /** A second administrator approves (or refuses) a role another asked for; the person gets it at once. */
    @Transactional
    public RoleGrants.Grant decideGrant(CurrentUser actor, long personId, long grantId, boolean approve) {
        Person person = manageableOther(actor, personId);
        RoleGrants.Grant grant = grants.decide(actor, personId, grantId, approve);
        if (approve) {
            Set<Role> after = EnumSet.noneOf(Role.class);
            after.addAll(person.roleSet());
            after.add(grant.role());
            repository.save(person.withRoles(after));
        }
        audit.recordChange(approve ? "APPROVE_ROLE" : "REFUSE_ROLE", "person", personId, person.organisationId(),
                grant.role() + " asked for by " + grant.requestedByName());
        return grant;
    }

    /** A person the actor may manage other than themselves: nobody changes their own roles. */
    private Person manageableOther(CurrentUser actor, long personId) {
        Person person = people.manageable(actor, personId);
        if (person.id() == actor.id()) {
            throw new OutOfScopeException();
        }
        return person;
    }
}
