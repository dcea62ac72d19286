package org.workhealth.employer.internal;

import org.workhealth.employer.Employer;
import org.workhealth.employer.Employers;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.workhealth.organisation.AccessPolicy;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.organisation.People;
import org.workhealth.organisation.Permission;
import org.workhealth.organisation.Person;

/**
 * Who may see and change which employer. An employer's own people see their employer only. An advisor sees every
 * employer of the hubs in their organisation's scope (they work at the hub) and, wherever they work, the employers
 * assigned to them. Assessors and those who run the programme see every employer of the hubs in their scope; a
 * provider manager who runs the programme also sees the employers assigned to their own organisation's advisors.
 * Anything else is "not found", the same answer as for an employer that does not exist.
 */
@Service
public class EmployerAccess {

    private final Employers employers;
    private final AccessPolicy access;
    private final People people;
    private final JdbcClient jdbc;

    EmployerAccess(Employers employers, AccessPolicy access, People people, JdbcClient jdbc) {
        this.employers = employers;
        this.access = access;
        this.people = people;
        this.jdbc = jdbc;
    }

    /** @throws OutOfScopeException when there is no such employer or the person may not see it */
    public Employer readable(CurrentUser user, long employerId) {
        Employer employer = employers.find(employerId).orElseThrow(OutOfScopeException::new);
        if (!scope(user).includes(employer)) {
            throw new OutOfScopeException();
        }
        return employer;
    }

    /** The employer, when the person is one of its own people. @throws OutOfScopeException otherwise */
    public Employer changeableByEmployer(CurrentUser user, long employerId) {
        if (ownEmployer(user).filter(own -> own == employerId).isEmpty()) {
            throw new OutOfScopeException();
        }
        return employers.find(employerId).orElseThrow(OutOfScopeException::new);
    }

    /** Whether the person advises this employer: an advisor at its hub, or the advisor assigned to it. */
    public boolean advises(CurrentUser user, long employerId) {
        if (user == null || !user.has(Permission.ADVISE_EMPLOYERS)) {
            return false;
        }
        return employers.find(employerId).map(e -> Long.valueOf(user.id()).equals(e.advisorId())
                || access.scope(user).contains(e.hubOrganisationId())).orElse(false);
    }

    /** Whether the person may assess this employer: an assessor at (or above) its hub. */
    public boolean assesses(CurrentUser user, long employerId) {
        if (user == null || !user.has(Permission.ASSESS_EMPLOYERS)) {
            return false;
        }
        return employers.find(employerId).map(e -> access.scope(user).contains(e.hubOrganisationId())).orElse(false);
    }

    /** Whether the person runs the programme for this employer's hub (assigns advisors, among other things). */
    public boolean manages(CurrentUser user, long employerId) {
        if (user == null || !user.has(Permission.MANAGE_EMPLOYER_PROGRAMME)) {
            return false;
        }
        return employers.find(employerId).map(e -> scope(user).includes(e)).orElse(false);
    }

    /** The employer the person acts for, when they are one of an employer's own people. */
    public Optional<Long> ownEmployer(CurrentUser user) {
        if (user == null || !user.has(Permission.EMPLOYER_SELF_SERVICE)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT employer_id FROM employer_member WHERE person_id = :person").param("person", user.id())
                .query(Long.class).optional();
    }

    /** Every employer the person may see, as a condition for list queries. */
    public EmployerScope scope(CurrentUser user) {
        if (user == null) {
            return EmployerScope.none();
        }
        Set<Long> hubs = new HashSet<>();
        Set<Long> advisors = new HashSet<>();
        if (user.has(Permission.ADVISE_EMPLOYERS)) {
            hubs.addAll(access.scope(user));
            advisors.add(user.id());
        }
        if (user.has(Permission.ASSESS_EMPLOYERS)) {
            hubs.addAll(access.scope(user));
        }
        if (user.has(Permission.MANAGE_EMPLOYER_PROGRAMME)) {
            Set<Long> organisations = access.scope(user);
            hubs.addAll(organisations);
            people.within(organisations).stream().map(Person::id).forEach(advisors::add);
        }
        return new EmployerScope(hubs, advisors, ownEmployer(user).orElse(null));
    }
}
