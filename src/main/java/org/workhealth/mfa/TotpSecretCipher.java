package org.workhealth.mfa;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps authenticator app secrets encrypted at rest (AES-256-GCM, a fresh 96-bit nonce each time), so that a copy
 * of the database or a backup does not hand over everyone's second factor. The key is the setting
 * {@code workhealth.mfa.secret-key} ({@code MFA_SECRET_KEY}, base64 of 32 bytes). Without it the service uses a
 * demo key anyone can work out, and only where that cannot matter: docs/security.md, "Secrets at rest".
 */
@Component
class TotpSecretCipher {

    static final String PREFIX = "v1:";

    private static final Logger log = LoggerFactory.getLogger(TotpSecretCipher.class);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    TotpSecretCipher(@Value("${workhealth.mfa.secret-key:}") String configuredKey, MfaPolicy policy,
            @Value("${spring.datasource.url:}") String databaseUrl) {
        this.key = new SecretKeySpec(keyBytes(configuredKey, policy.requiresAnyone(), databaseUrl), "AES");
    }

    /**
     * The configured key; without one, the demo key on the embedded H2 database or where nobody is made to use
     * MFA (a benchmark, a PostgreSQL demo), and a refusal to start anywhere else.
     */
    static byte[] keyBytes(String configuredKey, boolean mfaRequiredOfAnyone, String databaseUrl) {
        if (configuredKey != null && !configuredKey.isBlank()) {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(configuredKey.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("MFA_SECRET_KEY is not base64", e);
            }
            if (bytes.length != 32) {
                throw new IllegalStateException("MFA_SECRET_KEY must be 32 bytes (256 bits) in base64, not "
                        + bytes.length + " bytes: make one with `openssl rand -base64 32`");
            }
            return bytes;
        }
        boolean embedded = databaseUrl == null || databaseUrl.isBlank() || databaseUrl.startsWith("jdbc:h2:");
        if (mfaRequiredOfAnyone && !embedded) {
            throw new IllegalStateException("MFA_SECRET_KEY is not set: authenticator app secrets are kept "
                    + "encrypted under it. Make one with `openssl rand -base64 32` and keep it with the database "
                    + "password (docs/security.md, \"Secrets at rest\")");
        }
        log.warn("MFA_SECRET_KEY is not set: authenticator app secrets are encrypted under a demo key anyone can "
                + "work out. Fine for a demo, not for personal data");
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest("WorkHealth demo key for authenticator secrets".getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String encrypt(String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.US_ASCII));
            byte[] stored = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, stored, 0, nonce.length);
            System.arraycopy(sealed, 0, stored, nonce.length, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt an authenticator secret", e);
        }
    }

    /** The secret as the app has it; a value stored before encryption (no prefix) is returned as it is. */
    String decrypt(String stored) {
        if (!encrypted(stored)) {
            return stored;
        }
        byte[] bytes = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES),
                    StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            // The wrong key (MFA_SECRET_KEY changed or lost): the person's codes cannot be checked.
            throw new IllegalStateException("An authenticator secret does not open with MFA_SECRET_KEY", e);
        }
    }

    static boolean encrypted(String stored) {
        return stored.startsWith(PREFIX);
    }
}
