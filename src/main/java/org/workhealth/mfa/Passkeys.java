package org.workhealth.mfa;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's passkeys as the account page and an administrator's reset see them. Spring Security keeps them by
 * the name the person signs in with (their email address), in the user_entities and user_credentials tables,
 * which this module owns.
 */
@Service
class Passkeys {

    /** One passkey: {@code id} is the credential id in base64url, as forms send it back. */
    record Passkey(String id, String name, Instant addedAt, Instant lastUsedAt) {
    }

    private final PublicKeyCredentialUserEntityRepository users;
    private final UserCredentialRepository credentials;

    Passkeys(PublicKeyCredentialUserEntityRepository users, UserCredentialRepository credentials) {
        this.users = users;
        this.credentials = credentials;
    }

    List<Passkey> of(String email) {
        return records(email).stream()
                .map(r -> new Passkey(r.getCredentialId().toBase64UrlString(), r.getLabel(), r.getCreated(),
                        r.getLastUsed()))
                .sorted(Comparator.comparing(Passkey::addedAt, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    boolean any(String email) {
        return !records(email).isEmpty();
    }

    /** Removes one of this person's passkeys, giving its name; someone else's, or none, is left alone. */
    @Transactional
    Optional<String> remove(String email, String id) {
        Optional<PublicKeyCredentialUserEntity> user = user(email);
        if (user.isEmpty() || id == null || !id.matches("[A-Za-z0-9_-]{1,1000}")) {
            return Optional.empty();
        }
        CredentialRecord record = credentials.findByCredentialId(Bytes.fromBase64(id));
        if (record == null || !record.getUserEntityUserId().equals(user.get().getId())) {
            return Optional.empty();
        }
        credentials.delete(record.getCredentialId());
        return Optional.of(record.getLabel());
    }

    /** Removes all of this person's passkeys (an administrator's reset); how many there were. */
    @Transactional
    int removeAll(String email) {
        Optional<PublicKeyCredentialUserEntity> user = user(email);
        if (user.isEmpty()) {
            return 0;
        }
        List<CredentialRecord> records = credentials.findByUserId(user.get().getId());
        records.forEach(record -> credentials.delete(record.getCredentialId()));
        users.delete(user.get().getId());
        return records.size();
    }

    private List<CredentialRecord> records(String email) {
        return user(email).map(user -> credentials.findByUserId(user.getId())).orElse(List.of());
    }

    private Optional<PublicKeyCredentialUserEntity> user(String email) {
        return Optional.ofNullable(email).map(users::findByUsername);
    }
}
