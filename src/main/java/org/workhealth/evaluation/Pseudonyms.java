package org.workhealth.evaluation;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.binary.Base32;

/**
 * Pseudonyms and date offsets under one agreement's key. HMAC-SHA256 is a keyed one-way function: the same referral
 * gives the same pseudonym under the same key (every extract and version of an agreement), and under another key
 * (another agreement) a value that cannot be linked to it. The national return's pseudonyms are random tokens of
 * another form ('P' and 20 hex digits), so they never coincide with these ('E' and 16 base32 letters).
 */
final class Pseudonyms {

    private static final Base32 BASE32 = new Base32();

    private final Mac mac;

    Pseudonyms(byte[] key) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 'E' and the first 16 base32 characters (80 bits) of HMAC(key, "pseudonym|" + referral id). */
    String of(long referralId) {
        return "E" + BASE32.encodeAsString(hmac("pseudonym|" + referralId)).substring(0, 16);
    }

    /**
     * The person's date offset in days, from -maxDays to +maxDays, from HMAC(key, "shift|" + referral id): stable
     * for the person under the agreement, so intervals between their dates are kept exactly.
     */
    int shiftDays(long referralId, int maxDays) {
        if (maxDays <= 0) {
            return 0;
        }
        long unsigned = ByteBuffer.wrap(hmac("shift|" + referralId)).getInt() & 0xFFFFFFFFL;
        return (int) (unsigned % (2L * maxDays + 1)) - maxDays;
    }

    private byte[] hmac(String message) {
        return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    }
}
