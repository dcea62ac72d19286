package org.workhealth.organisation;

import java.time.Clock;
import java.time.Instant;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.LockedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;

/** Counts failed sign-ins, locks the account after too many, and audits every attempt. */
@Component
class SignInAttempts {

    private final PersonRepository people;
    private final SignInProperties properties;
    private final AuditLog audit;
    private final Clock clock;

    SignInAttempts(PersonRepository people, SignInProperties properties, AuditLog audit, Clock clock) {
        this.people = people;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    public void failed(AbstractAuthenticationFailureEvent event) {
        String email = Person.normaliseEmail(String.valueOf(event.getAuthentication().getPrincipal()));
        people.findByEmail(email).ifPresentOrElse(person -> {
            Instant now = clock.instant();
            if (people.countFailedSignIn(person.id(), now) == 1 && people.lockAfter(person.id(),
                    properties.maxFailures(), now.plus(properties.lockDuration()), now) == 1) {
                audit.recordSignIn("ACCOUNT_LOCKED", email, person.id(), person.organisationId());
            }
            audit.recordSignIn("SIGN_IN_FAILED", email, person.id(), person.organisationId());
        }, () -> audit.recordSignIn("SIGN_IN_FAILED", email, null, null));
    }

    /**
     * Called once the password matched: lets the sign-in through only if the account is still unlocked in the
     * database, where failures racing with it may have locked it since it was read.
     *
     * @throws LockedException when the account was locked in the meantime
     */
    @Transactional
    public void admit(StaffUserDetails details) {
        if (people.admitSignIn(details.user().id(), clock.instant()) == 0) {
            throw new LockedException("Account locked");
        }
        audit.recordSignIn("SIGN_IN", details.user().email(), details.user().id(), details.user().organisationId());
    }
}
