package org.workhealth.trial.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.workhealth.platform.AtRestKey;

/**
 * Keeps each trial's seed encrypted at rest (AES-256-GCM) under {@code workhealth.trial.seed-key}
 * ({@code TRIAL_SEED_KEY}, base64 of 32 bytes), so that a copy of the database does not reveal the allocation
 * sequence. Without the setting a demo key is used, which is fine for a demo only (docs/trials.md).
 */
@Component
public class TrialSeedCipher {

    private final AtRestKey key;

    TrialSeedCipher(@Value("${workhealth.trial.seed-key:${TRIAL_SEED_KEY:}}") String configured) {
        this.key = new AtRestKey(configured, "TRIAL_SEED_KEY", "trial seeds");
    }

    /** A new 256-bit seed from SecureRandom. */
    public static byte[] newSeed() {
        return AtRestKey.newSecret();
    }

    public String encrypt(byte[] seed) {
        return key.seal(seed);
    }

    public byte[] decrypt(String stored) {
        return key.open(stored);
    }
}
