package org.workhealth.organisation;

import java.time.Clock;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
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
            if (!person.lockedAt(clock.instant())) {
                people.countFailedSignIn(person.id());
                if (person.failedSignIns() + 1 >= properties.maxFailures()) {
                    people.lock(person.id(), clock.instant().plus(properties.lockDuration()));
                    audit.recordSignIn("ACCOUNT_LOCKED", email, person.id(), person.organisationId());
                }
            }
            audit.recordSignIn("SIGN_IN_FAILED", email, person.id(), person.organisationId());
        }, () -> audit.recordSignIn("SIGN_IN_FAILED", email, null, null));
    }

    @EventListener
    @Transactional
    public void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof StaffUserDetails details) {
            people.clearFailedSignIns(details.user().id());
            audit.recordSignIn("SIGN_IN", details.user().email(), details.user().id(), details.user().organisationId());
        }
    }
}
