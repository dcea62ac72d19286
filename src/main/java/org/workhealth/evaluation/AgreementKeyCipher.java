package org.workhealth.evaluation;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.workhealth.platform.AtRestKey;

/**
 * Each agreement's pseudonym key: 256 random bits, kept only sealed under {@code workhealth.evaluation.key}
 * ({@code EVALUATION_KEY}, base64 of 32 bytes), as trial seeds are kept, so a copy of the database cannot turn
 * pseudonyms back into referrals (docs/evaluation.md).
 */
@Component
class AgreementKeyCipher {

    private final AtRestKey key;

    AgreementKeyCipher(@Value("${workhealth.evaluation.key:${EVALUATION_KEY:}}") String configured) {
        this.key = new AtRestKey(configured, "EVALUATION_KEY", "evaluation agreements");
    }

    /** A new agreement key, encrypted for storing. */
    String newKey() {
        return encrypt(AtRestKey.newSecret());
    }

    String encrypt(byte[] plain) {
        return key.seal(plain);
    }

    byte[] decrypt(String stored) {
        return key.open(stored);
    }
}
