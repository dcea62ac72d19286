package org.workhealth.evaluation;

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
 * Each agreement's pseudonym key: 256 random bits from SecureRandom, kept only encrypted (AES-256-GCM, fresh nonce)
 * under {@code workhealth.evaluation.key} ({@code EVALUATION_KEY}, base64 of 32 bytes), as trial seeds are kept.
 * A copy of the database therefore cannot turn pseudonyms back into referrals. Without the setting a demo key is
 * used, fine for a demo only (docs/evaluation.md).
 */
@Component
class AgreementKeyCipher {

    private static final Logger log = LoggerFactory.getLogger(AgreementKeyCipher.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PREFIX = "v1:";

    private final SecretKey key;

    AgreementKeyCipher(@Value("${workhealth.evaluation.key:${EVALUATION_KEY:}}") String configured) {
        this.key = new SecretKeySpec(keyBytes(configured), "AES");
    }

    private static byte[] keyBytes(String configured) {
        try {
            if (configured != null && !configured.isBlank()) {
                byte[] bytes = Base64.getDecoder().decode(configured.trim());
                if (bytes.length != 32) {
                    throw new IllegalStateException("EVALUATION_KEY must be 32 bytes in base64");
                }
                return bytes;
            }
            log.info("EVALUATION_KEY is not set: agreement keys are encrypted under a demo key. Fine for a demo only");
            return MessageDigest.getInstance("SHA-256")
                    .digest("WorkHealth demo key for evaluation agreements".getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("EVALUATION_KEY is not usable", e);
        }
    }

    /** A new agreement key, encrypted for storing. */
    String newKey() {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        return encrypt(fresh);
    }

    String encrypt(byte[] plain) {
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(plain);
            byte[] out = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    byte[] decrypt(String stored) {
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, 12));
            return cipher.doFinal(in, 12, in.length - 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The agreement key does not open with EVALUATION_KEY", e);
        }
    }
}
