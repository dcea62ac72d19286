package org.workhealth.platform;

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

/**
 * A secret the service must hold but a copy of its database must not reveal (a trial's seed, an agreement's
 * pseudonym key): sealed with AES-256-GCM and a fresh nonce under a key from the environment, stored as "v1:" and
 * base64 of nonce and ciphertext. Without the setting a demo key derived from {@code demoLabel} is used, fine for a
 * demo only.
 */
public final class AtRestKey {

    private static final Logger log = LoggerFactory.getLogger(AtRestKey.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PREFIX = "v1:";

    private final SecretKey key;
    private final String setting;

    /** @param setting the environment variable's name, for the messages */
    public AtRestKey(String configured, String setting, String demoLabel) {
        this.setting = setting;
        this.key = new SecretKeySpec(keyBytes(configured, setting, demoLabel), "AES");
    }

    private static byte[] keyBytes(String configured, String setting, String demoLabel) {
        try {
            if (configured != null && !configured.isBlank()) {
                byte[] bytes = Base64.getDecoder().decode(configured.trim());
                if (bytes.length != 32) {
                    throw new IllegalStateException(setting + " must be 32 bytes in base64");
                }
                return bytes;
            }
            log.info("{} is not set: {} are encrypted under a demo key. Fine for a demo only", setting, demoLabel);
            return MessageDigest.getInstance("SHA-256")
                    .digest(("WorkHealth demo key for " + demoLabel).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(setting + " is not usable", e);
        }
    }

    /** 256 bits from SecureRandom. */
    public static byte[] newSecret() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return secret;
    }

    public String seal(byte[] plain) {
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

    public byte[] open(String stored) {
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, 12));
            return cipher.doFinal(in, 12, in.length - 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored secret does not open with " + setting, e);
        }
    }
}
