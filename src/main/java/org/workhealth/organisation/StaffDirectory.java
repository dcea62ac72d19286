package org.workhealth.organisation;

import java.time.Clock;
import java.util.Optional;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Looks up staff for sign-in and for each request, so that role changes and deactivation apply at once. */
@Service
class StaffDirectory implements UserDetailsService {

    private final PersonRepository people;
    private final OrganisationRepository organisations;
    private final Clock clock;

    StaffDirectory(PersonRepository people, OrganisationRepository organisations, Clock clock) {
        this.people = people;
        this.organisations = organisations;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        Person person = people.findByEmail(Person.normaliseEmail(email))
                .orElseThrow(() -> new UsernameNotFoundException("No such person"));
        return details(person);
    }

    Optional<StaffUserDetails> reload(long personId) {
        return people.findById(personId).map(this::details);
    }

    private StaffUserDetails details(Person person) {
        String organisationName = organisations.findById(person.organisationId()).map(Organisation::name).orElse("");
        CurrentUser user = new CurrentUser(person.id(), person.email(), person.fullName(), person.organisationId(),
                organisationName, person.roleSet());
        return new StaffUserDetails(user, person.passwordHash(), person.active(), person.lockedAt(clock.instant()),
                person.mustChangePassword());
    }
}
