package org.workhealth.trial.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A deterministic stream of random numbers derived from a trial's secret seed and a label (trial, stratum, block):
 * HMAC-SHA256 of the label under the seed gives a key, and HMAC-SHA256(key, counter) gives the bytes (the counter
 * construction of NIST SP 800-108). Anyone holding the seed can regenerate every block; without it, past
 * allocations say nothing about the next one. Integers are drawn by rejection so each value is exactly equally
 * likely.
 */
final class SeedStream {

    private final Mac mac;
    private long counter;
    private final ByteBuffer buffer = ByteBuffer.allocate(32);

    SeedStream(byte[] seed, String label) {
        try {
            Mac outer = Mac.getInstance("HmacSHA256");
            outer.init(new SecretKeySpec(seed, "HmacSHA256"));
            byte[] key = outer.doFinal(label.getBytes(StandardCharsets.UTF_8));
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        buffer.position(buffer.limit());
    }

    /** A uniformly distributed integer from 0 to bound - 1. */
    int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive");
        }
        long range = 1L << 32;
        long limit = range - (range % bound);
        while (true) {
            long value = Integer.toUnsignedLong(nextRawInt());
            if (value < limit) {
                return (int) (value % bound);
            }
        }
    }

    /** A uniformly distributed number in [0, 1). */
    double nextDouble() {
        return (nextInt(1 << 26) * (double) (1 << 27) + nextInt(1 << 27)) * 0x1.0p-53;
    }

    private int nextRawInt() {
        if (buffer.remaining() < 4) {
            buffer.clear();
            buffer.put(mac.doFinal(ByteBuffer.allocate(8).putLong(counter++).array()));
            buffer.flip();
        }
        return buffer.getInt();
    }
}
