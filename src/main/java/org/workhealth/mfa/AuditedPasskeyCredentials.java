package org.workhealth.mfa;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.workhealth.audit.AuditActor;
import org.workhealth.audit.AuditLog;

/**
 * Spring Security's store of passkeys, with each new one written to the audit log as the person registering it
 * adds it. Saving one that exists is a sign-in updating its counter, which {@link PasskeySecondFactor} audits.
 * Removals are audited by {@link Passkeys}, which knows whose passkey it was and why.
 */
class AuditedPasskeyCredentials implements UserCredentialRepository {

    private final UserCredentialRepository delegate;
    private final AuditLog audit;

    AuditedPasskeyCredentials(UserCredentialRepository delegate, AuditLog audit) {
        this.delegate = delegate;
        this.audit = audit;
    }

    @Override
    public void save(CredentialRecord credential) {
        boolean added = delegate.findByCredentialId(credential.getCredentialId()) == null;
        delegate.save(credential);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (added && authentication != null && authentication.getPrincipal() instanceof AuditActor actor) {
            audit.recordChange("MFA_PASSKEY_ADDED", "person", actor.actorId(), actor.actorOrganisationId(),
                    "passkey \"" + credential.getLabel() + "\"");
        }
    }

    @Override
    public void delete(Bytes credentialId) {
        delegate.delete(credentialId);
    }

    @Override
    public CredentialRecord findByCredentialId(Bytes credentialId) {
        return delegate.findByCredentialId(credentialId);
    }

    @Override
    public List<CredentialRecord> findByUserId(Bytes userId) {
        return delegate.findByUserId(userId);
    }
}
