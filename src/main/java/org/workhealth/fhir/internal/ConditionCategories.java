package org.workhealth.fhir.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/**
 * Sorts a condition into the web form's three boxes (mental health, musculoskeletal, other) without a terminology
 * server: a short list of SNOMED CT concepts GP systems commonly record, then words in the text or display; anything
 * else is "other". The triager reads the condition's own words, which go to the referral's details unchanged.
 */
public final class ConditionCategories {

    /** Mental disorder, depressive disorder, major depression, anxiety disorder, anxiety, stress, PTSD, bipolar, schizophrenia. */
    static final Set<String> MENTAL_HEALTH = Set.of("74732009", "35489007", "370143000", "197480006", "48694002",
            "73595000", "47505003", "13746004", "58214004");
    /** Musculoskeletal disorder, low back pain, backache, neck pain, joint pain, osteoarthritis, rheumatoid arthritis, fibromyalgia, chronic pain. */
    static final Set<String> MUSCULOSKELETAL = Set.of("928000", "279039007", "161891005", "81680005", "57676002",
            "396275006", "69896004", "203082005", "82423001");

    private static final Pattern MENTAL_WORDS = Pattern.compile(
            "\\b(anxi|depress|stress|mental|panic|bipolar|schizo|psycho|ptsd|post.?traumatic|low mood|ocd|obsessive)");
    private static final Pattern MUSCULOSKELETAL_WORDS = Pattern.compile(
            "\\b(back|neck|shoulder|knee|hip|joint|arthrit|osteoarth|musculoskeletal|msk|sciatica|fibromyalgia|"
                    + "chronic pain|tendon|sprain)");

    public enum Category {
        MENTAL_HEALTH, MUSCULOSKELETAL, OTHER
    }

    private ConditionCategories() {
    }

    public static Category of(CodeableConcept code) {
        List<Coding> snomed = code.getCoding().stream().filter(c -> FhirCodes.SNOMED.equals(c.getSystem())).toList();
        if (snomed.stream().anyMatch(c -> MENTAL_HEALTH.contains(c.getCode()))) {
            return Category.MENTAL_HEALTH;
        }
        if (snomed.stream().anyMatch(c -> MUSCULOSKELETAL.contains(c.getCode()))) {
            return Category.MUSCULOSKELETAL;
        }
        String words = words(code);
        if (MENTAL_WORDS.matcher(words).find()) {
            return Category.MENTAL_HEALTH;
        }
        if (MUSCULOSKELETAL_WORDS.matcher(words).find()) {
            return Category.MUSCULOSKELETAL;
        }
        return Category.OTHER;
    }

    /** What a person would read: the concept's text, else its codings' displays. */
    public static String text(CodeableConcept code) {
        if (code.hasText()) {
            return code.getText().strip();
        }
        return code.getCoding().stream().filter(Coding::hasDisplay).map(c -> c.getDisplay().strip()).findFirst()
                .orElse(null);
    }

    private static String words(CodeableConcept code) {
        StringBuilder words = new StringBuilder(code.hasText() ? code.getText() : "");
        code.getCoding().stream().filter(Coding::hasDisplay).forEach(c -> words.append(' ').append(c.getDisplay()));
        return words.toString().toLowerCase(Locale.UK);
    }
}
