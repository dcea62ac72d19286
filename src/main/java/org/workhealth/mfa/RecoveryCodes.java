package org.workhealth.mfa;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Single-use recovery codes: 10 letters and digits without look-alikes (about 50 bits), shown as ABCDE-FGHJK. */
final class RecoveryCodes {

    static final int HOW_MANY = 10;
    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private RecoveryCodes() {
    }

    static List<String> generate() {
        List<String> codes = new ArrayList<>();
        for (int n = 0; n < HOW_MANY; n++) {
            StringBuilder code = new StringBuilder();
            for (int i = 0; i < 10; i++) {
                if (i == 5) {
                    code.append('-');
                }
                code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            codes.add(code.toString());
        }
        return codes;
    }

    /** Only a code of the right shape is compared with the hashes: bcrypt refuses anything over 72 bytes. */
    static boolean wellFormed(String normalised) {
        return normalised.length() == 10 && normalised.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
    }

    /** What is hashed and compared: upper case, without the hyphen or spaces people may type. */
    static String normalise(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }
}
