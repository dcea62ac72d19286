package org.workhealth.organisation;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;

/**
 * Staff accounts: administrators create them, assign roles, deactivate and reset them; each
 * person changes their own password. Every change is checked against the actor's scope and audited.
 */
@Service
public class People {

    /** A new account, the temporary password to give its owner (shown once) and roles awaiting approval. */
    public record Created(Person person, String temporaryPassword, Set<Role> awaitingApproval) {
    }

    private final PersonRepository repository;
    private final PasswordEncoder encoder;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final Clock clock;
    private final RoleGrants grants;
    private final AccountSessions sessions;

    People(PersonRepository repository, PasswordEncoder encoder, AccessPolicy access, AuditLog audit, Clock clock,
            RoleGrants grants, AccountSessions sessions) {
        this.grants = grants;
        this.sessions = sessions;
        this.repository = repository;
        this.encoder = encoder;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    public boolean emailInUse(String email) {
        return repository.findByEmail(Person.normaliseEmail(email)).isPresent();
    }

    public List<Person> within(Set<Long> organisationIds) {
        return organisationIds.isEmpty() ? List.of() : repository.findByOrganisationIdInOrderByFullName(organisationIds);
    }

    /**
     * The people with these ids, by name, for pages that name staff or employers' people they hold ids of (an
     * employer's advisor, its wellbeing lead). Callers check that the viewer may see the record naming them.
     */
    public List<Person> findAll(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Person> found = new java.util.ArrayList<>();
        repository.findAllById(ids).forEach(found::add);
        found.sort(java.util.Comparator.comparing(Person::fullName));
        return found;
    }

    /** A person the actor may manage; anyone else is "not found". */
    public Person manageable(CurrentUser actor, long personId) {
        Person person = repository.findById(personId).orElseThrow(OutOfScopeException::new);
        access.require(actor, Permission.MANAGE_PEOPLE, person.organisationId());
        return person;
    }

    public Optional<Person> findByEmail(String email) {
        return repository.findByEmail(Person.normaliseEmail(email));
    }

    @Transactional
    public Created create(CurrentUser actor, NewPerson request) {
        access.require(actor, Permission.MANAGE_PEOPLE, request.organisationId());
        String temporary = TemporaryPasswords.generate();
        Person saved = repository.save(Person.create(request.email(), request.fullName(), request.organisationId(),
                encoder.encode(temporary), Set.of(), clock.instant()));
        RoleGrants.Outcome outcome = grants.request(actor, saved, request.roles(), request.roles());
        saved = repository.save(saved.withRoles(outcome.given()));
        audit.recordChange("CREATE", "person", saved.id(), saved.organisationId(), "Roles " + outcome.given()
                + awaiting(outcome));
        return new Created(saved, temporary, outcome.awaitingApproval());
    }

    /**
     * An account for one of a Thrive at Work employer's own people (wellbeing lead or champion): the EMPLOYER role
     * only, at the employer's hub, with a temporary password to show once. The EMPLOYER role reads no personal
     * data, so it needs no second administrator. The employer module checks that the actor may add the employer's
     * people (its advisor, or its wellbeing lead) before it calls this.
     */
    @Transactional
    public Created createEmployerAccount(CurrentUser actor, String fullName, String email, long hubOrganisationId) {
        String temporary = TemporaryPasswords.generate();
        Person saved = repository.save(Person.create(email, fullName, hubOrganisationId, encoder.encode(temporary),
                EnumSet.of(Role.EMPLOYER), clock.instant()));
        audit.recordChange("CREATE", "person", saved.id(), saved.organisationId(), "Employer account by "
                + (actor == null ? "the service" : "person " + actor.id()) + "; roles [EMPLOYER]");
        return new Created(saved, temporary, Set.of());
    }

    /** For loading demo or seed accounts whose password is already chosen. */
    @Transactional
    public Person createWithPassword(NewPerson request, String password) {
        return createWithPasswordHash(request, encoder.encode(password));
    }

    /** As {@link #createWithPassword}, with the password already hashed (hashing is slow on purpose). */
    @Transactional
    public Person createWithPasswordHash(NewPerson request, String passwordHash) {
        Person saved = repository.save(Person.create(request.email(), request.fullName(), request.organisationId(),
                passwordHash, request.roles(), clock.instant()).withPassword(passwordHash, false));
        audit.recordChange("CREATE", "person", saved.id(), saved.organisationId(), "Seeded account");
        return saved;
    }

    /** Hashes a password as sign-in expects it. */
    public String hash(String password) {
        return encoder.encode(password);
    }

    static String awaiting(RoleGrants.Outcome outcome) {
        return outcome.awaitingApproval().isEmpty() ? ""
                : "; waiting for a second administrator: " + outcome.awaitingApproval();
    }

    @Transactional
    public Person deactivate(CurrentUser actor, long personId) {
        Person person = manageable(actor, personId);
        if (person.id() == actor.id()) {
            throw new IllegalArgumentException("You cannot deactivate your own account");
        }
        Person saved = repository.save(person.deactivated());
        audit.recordChange("DEACTIVATE", "person", personId, person.organisationId(), null);
        return saved;
    }

    @Transactional
    public Person reactivate(CurrentUser actor, long personId) {
        Person person = manageable(actor, personId);
        Person saved = repository.save(person.reactivated());
        audit.recordChange("REACTIVATE", "person", personId, person.organisationId(), null);
        return saved;
    }

    /** A new temporary password, which also unlocks the account and signs the person out everywhere. */
    @Transactional
    public String resetPassword(CurrentUser actor, long personId) {
        Person person = manageable(actor, personId);
        String temporary = TemporaryPasswords.generate();
        repository.save(person.withPassword(encoder.encode(temporary), true));
        int ended = sessions.endAllSessions(person.email());
        audit.recordChange("RESET_PASSWORD", "person", personId, person.organisationId(), ended(ended));
        return temporary;
    }

    /**
     * Changes the signed-in person's password and ends their other sessions, keeping the one they used.
     *
     * @return the problem to show against the field it concerns, or empty when the password was changed
     */
    @Transactional
    public Optional<PasswordProblem> changeOwnPassword(CurrentUser user, String current, String replacement,
            String sessionId) {
        Person person = repository.findById(user.id()).orElseThrow(OutOfScopeException::new);
        if (current == null || !encoder.matches(current, person.passwordHash())) {
            return Optional.of(new PasswordProblem("currentPassword", "Your current password is not correct"));
        }
        Optional<String> rule = PasswordRules.problemWith(replacement, person.email(), person.fullName());
        if (rule.isPresent()) {
            return Optional.of(new PasswordProblem("newPassword", rule.get()));
        }
        if (encoder.matches(replacement, person.passwordHash())) {
            return Optional.of(new PasswordProblem("newPassword", "Your new password must be different from your current one"));
        }
        repository.save(person.withPassword(encoder.encode(replacement), false));
        int ended = sessions.endOtherSessions(person.email(), sessionId);
        audit.recordChange("CHANGE_PASSWORD", "person", person.id(), person.organisationId(), ended(ended));
        return Optional.empty();
    }

    private static String ended(int sessions) {
        return sessions == 0 ? null : "Signed out of " + sessions + (sessions == 1 ? " session" : " sessions");
    }

    public record PasswordProblem(String field, String message) {
    }
}
