package org.workhealth.referral.internal;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The same person written two ways ("Siân O'Neill", "sian oneill") gives the same key: name
 * without accents, punctuation or case, then date of birth and postcode.
 */
public final class MatchKey {

    private MatchKey() {
    }

    public static String of(String firstName, String lastName, LocalDate dateOfBirth, String postcode) {
        String postcodeKey = postcode == null ? "" : postcode.replaceAll("\\s", "").toUpperCase(Locale.UK);
        return name(firstName) + "|" + name(lastName) + "|" + dateOfBirth + "|" + postcodeKey;
    }

    public static String name(String name) {
        if (name == null) {
            return "";
        }
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.UK).replaceAll("[^a-z]", "");
    }
}
