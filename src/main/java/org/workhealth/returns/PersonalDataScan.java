package org.workhealth.returns;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Looks for personal identifiers in text that is to leave the locality: email addresses, phone numbers, NHS
 * numbers, National Insurance numbers, postcodes and the names of the participants. A value is flagged, never
 * shown: the finding says what kind of identifier it looks like.
 *
 * <p>Names are matched against the participants' own names: a value that is exactly one of their first or last
 * names, or that holds a first name followed by its last name. Coded answers such as "White: Irish" therefore do
 * not trip over a participant called White, while "Sam White" does.
 */
final class PersonalDataScan {

    /** What a value looks like it holds. */
    enum Kind {
        NAME("a participant's name"),
        EMAIL("an email address"),
        PHONE("a phone number"),
        NHS_NUMBER("an NHS number"),
        NI_NUMBER("a National Insurance number"),
        POSTCODE("a postcode");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
    /**
     * Ten digits, optionally grouped 3-3-4 as NHS numbers are printed, standing on their own: a run of digits inside
     * a longer token (a pseudonym such as P0DB6293424484DA2BC00) is not an NHS number as anyone writes one.
     */
    private static final Pattern TEN_DIGITS = Pattern.compile("(?<![\\w-])(\\d{3})[ -]?(\\d{3})[ -]?(\\d{4})(?![\\w-])");
    /** UK numbers: 0 or +44 then 9 or 10 more digits, with spaces, dashes or brackets between them. */
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\w+])(?:\\+44[\\s-]?(?:\\(0\\)[\\s-]?)?|\\(?0)\\d(?:[\\s()-]{0,2}\\d){8,9}(?!\\w)");
    private static final Pattern NI_NUMBER = Pattern.compile(
            "\\b(?!BG|GB|KN|NK|NT|TN|ZZ)[A-Z]{2}\\s?\\d{2}\\s?\\d{2}\\s?\\d{2}\\s?[A-D]\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern POSTCODE = Pattern.compile(
            "\\b(?:[A-Z]{1,2}\\d[A-Z\\d]?|GIR)\\s*\\d[A-Z]{2}\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern WORD = Pattern.compile("[\\p{L}'-]+");

    private final Set<String> names = new HashSet<>();
    private final Set<String> fullNames = new HashSet<>();

    private PersonalDataScan() {
    }

    /** A scan for the patterns alone. */
    static PersonalDataScan patterns() {
        return new PersonalDataScan();
    }

    /** A scan that also knows the participants' names: pairs of first and last name. */
    static PersonalDataScan withNames(Collection<String[]> firstAndLastNames) {
        PersonalDataScan scan = new PersonalDataScan();
        for (String[] name : firstAndLastNames) {
            String first = normal(name[0]);
            String last = normal(name[1]);
            if (first.length() > 1) {
                scan.names.add(first);
            }
            if (last.length() > 1) {
                scan.names.add(last);
            }
            if (!first.isEmpty() && !last.isEmpty()) {
                scan.fullNames.add(first + " " + last);
            }
        }
        return scan;
    }

    /** The kinds of identifier the value looks like it holds; empty when none. */
    Set<Kind> scan(String value) {
        Set<Kind> found = EnumSet.noneOf(Kind.class);
        if (value == null || value.isBlank()) {
            return found;
        }
        if (EMAIL.matcher(value).find()) {
            found.add(Kind.EMAIL);
        }
        Matcher ten = TEN_DIGITS.matcher(value);
        while (ten.find()) {
            if (nhsChecksumHolds(ten.group(1) + ten.group(2) + ten.group(3))) {
                found.add(Kind.NHS_NUMBER);
            }
        }
        if (PHONE.matcher(value).find()) {
            found.add(Kind.PHONE);
        }
        if (NI_NUMBER.matcher(value).find()) {
            found.add(Kind.NI_NUMBER);
        }
        if (POSTCODE.matcher(value).find()) {
            found.add(Kind.POSTCODE);
        }
        if (!names.isEmpty() && holdsName(value)) {
            found.add(Kind.NAME);
        }
        return found;
    }

    private boolean holdsName(String value) {
        String normal = normal(value);
        if (names.contains(normal)) {
            return true;
        }
        Matcher words = WORD.matcher(normal);
        String previous = null;
        while (words.find()) {
            String word = words.group();
            if (previous != null && fullNames.contains(previous + " " + word)) {
                return true;
            }
            previous = word;
        }
        return false;
    }

    /** The NHS number's modulus 11 check digit. */
    static boolean nhsChecksumHolds(String digits) {
        if (digits.length() != 10) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == digits.charAt(9) - '0';
    }

    private static String normal(String text) {
        return text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
