package org.workhealth.mfa;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationRequestToken;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.workhealth.audit.AuditActor;
import org.workhealth.audit.AuditLog;

/**
 * What Spring Security's {@link WebAuthnAuthenticationFilter} asks to check a passkey's answer at
 * {@code POST /login/webauthn}: here a passkey is a second factor, so the person must already be signed in by
 * password (or single sign-on), the passkey must be one of theirs, and the result is their own sign-in, the
 * principal the service reads ({@code StaffUserDetails}), with {@code FACTOR_WEBAUTHN} added. Spring's own
 * provider would instead make a new sign-in whose principal is the passkey's user entity.
 */
class PasskeySecondFactor implements AuthenticationManager {

    private final WebAuthnRelyingPartyOperations relyingParty;
    private final AuditLog audit;

    PasskeySecondFactor(WebAuthnRelyingPartyOperations relyingParty, AuditLog audit) {
        this.relyingParty = relyingParty;
        this.audit = audit;
    }

    @Override
    public Authentication authenticate(Authentication request) throws AuthenticationException {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (current == null || !current.isAuthenticated() || !(current.getPrincipal() instanceof AuditActor actor)
                || !(request instanceof WebAuthnAuthenticationRequestToken passkey)) {
            throw new BadCredentialsException("A passkey is a second factor: sign in with a password first");
        }
        PublicKeyCredentialUserEntity owner;
        try {
            // The request options named only this person's passkeys, so another's is refused here already.
            owner = relyingParty.authenticate(passkey.getWebAuthnRequest());
        } catch (RuntimeException e) {
            refused(actor);
            throw new BadCredentialsException("The passkey was not accepted", e);
        }
        if (!owner.getName().equals(current.getName())) {
            refused(actor);
            throw new BadCredentialsException("That passkey belongs to someone else");
        }
        audit.recordSignIn("SIGN_IN_PASSKEY", actor.actorEmail(), actor.actorId(), actor.actorOrganisationId());
        return SecondFactor.upgraded(current, SecondFactor.PASSKEY);
    }

    private void refused(AuditActor actor) {
        audit.recordSignIn("SIGN_IN_PASSKEY_FAILED", actor.actorEmail(), actor.actorId(),
                actor.actorOrganisationId());
    }
}
