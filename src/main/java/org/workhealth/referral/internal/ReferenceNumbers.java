package org.workhealth.referral.internal;

import java.security.SecureRandom;

/**
 * Referral references people can read out over the phone: 8 characters in two groups, from an
 * alphabet without look-alikes (no 0/O, 1/I/L, S/5, U/V), drawn at random so they cannot be guessed.
 */
public final class ReferenceNumbers {

    private static final String ALPHABET = "ACDEFGHJKMNPQRTWXY2346789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ReferenceNumbers() {
    }

    public static String next() {
        StringBuilder reference = new StringBuilder(9);
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                reference.append('-');
            }
            reference.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return reference.toString();
    }
}
