package org.workhealth.mfa;

import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialCreationOptionsRequest;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialRequestOptionsRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;

/**
 * Spring Security's relying party, with the name a person gives a new passkey checked first: it is shown back to
 * them, so it is short and plain text (the column holds {@value #MAX_LENGTH} characters).
 */
class PasskeyNames implements WebAuthnRelyingPartyOperations {

    static final int MAX_LENGTH = 100;

    /** A passkey name that cannot be kept; the message is what the person is told. */
    static class Refused extends IllegalArgumentException {
        Refused(String message) {
            super(message);
        }
    }

    private final WebAuthnRelyingPartyOperations delegate;

    PasskeyNames(WebAuthnRelyingPartyOperations delegate) {
        this.delegate = delegate;
    }

    static String problem(String name) {
        if (name == null || name.isBlank()) {
            return "Enter a name for the passkey";
        }
        if (name.length() > MAX_LENGTH) {
            return "Passkey name must be " + MAX_LENGTH + " characters or fewer";
        }
        if (name.chars().anyMatch(Character::isISOControl) || !name.equals(name.strip())) {
            return "Passkey name must be letters, numbers, spaces and punctuation only";
        }
        return null;
    }

    @Override
    public CredentialRecord registerCredential(RelyingPartyRegistrationRequest request) {
        String problem = problem(request.getPublicKey().getLabel());
        if (problem != null) {
            throw new Refused(problem);
        }
        return delegate.registerCredential(request);
    }

    @Override
    public PublicKeyCredentialCreationOptions createPublicKeyCredentialCreationOptions(
            PublicKeyCredentialCreationOptionsRequest request) {
        return delegate.createPublicKeyCredentialCreationOptions(request);
    }

    @Override
    public PublicKeyCredentialRequestOptions createCredentialRequestOptions(
            PublicKeyCredentialRequestOptionsRequest request) {
        return delegate.createCredentialRequestOptions(request);
    }

    @Override
    public PublicKeyCredentialUserEntity authenticate(RelyingPartyAuthenticationRequest request) {
        return delegate.authenticate(request);
    }
}
