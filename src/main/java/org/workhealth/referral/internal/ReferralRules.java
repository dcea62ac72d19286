package org.workhealth.referral.internal;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.workhealth.govuk.Answers;
import org.workhealth.referral.EmploymentStatus;

/**
 * The rules every referral answer must meet, whichever way it arrives, with GOV.UK error
 * messages. Each check names the field it concerns so pages can show it next to the field and
 * files can report it against the row.
 */
public final class ReferralRules {

    /** A problem with one answer. */
    public record Problem(String field, String message) {
    }

    public static final int MIN_AGE = 16;
    public static final int MAX_AGE = 67;
    public static final int SHORT_TEXT = 100;
    /** The column's size: long enough for any email address. */
    static final int REFERRER_CONTACT = 254;
    public static final int LONG_TEXT = 2000;

    private static final Pattern POSTCODE = Pattern.compile(
            "^(GIR ?0AA|[A-PR-UWYZ]([0-9]{1,2}|[A-HK-Y][0-9]([0-9ABEHMNPRV-Y])?|[0-9][A-HJKPS-UW]) ?[0-9][ABD-HJLNP-UW-Z]{2})$");
    private static final Pattern UK_PHONE = Pattern.compile("^(\\+44|0044|0)\\d{9,10}$");
    private static final Pattern NAME = Pattern.compile("^[\\p{L} '’.-]+$");

    private ReferralRules() {
    }

    /** Every rule, for a whole referral (a bulk file row, or the final check before saving). */
    public static List<Problem> check(ReferralAnswers a, LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        if (a.referringSomeoneElse()) {
            required(problems, "referrerName", a.referrerName(), "Enter your name", SHORT_TEXT, "Your name");
            maxLength(problems, "referrerContact", a.referrerContact(), REFERRER_CONTACT,
                    "Your phone number or email address");
            if (!Boolean.TRUE.equals(a.personAgrees())) {
                problems.add(new Problem("personAgrees",
                        "The person must agree to being referred before you refer them"));
            }
        }
        name(problems, "firstName", a.firstName(), "Enter a first name", "First name");
        name(problems, "lastName", a.lastName(), "Enter a last name", "Last name");
        dateOfBirth(problems, a.dateOfBirth(), today);
        nhsNumber(problems, a.nhsNumber());
        contact(problems, a);
        maxLength(problems, "gpPractice", a.gpPractice(), SHORT_TEXT * 2, "GP practice");
        if (a.employmentStatus() == null) {
            problems.add(new Problem("employmentStatus", "Select the employment status"));
        } else if (a.employmentStatus() == EmploymentStatus.UNEMPLOYED) {
            notFuture(problems, "unemployedSince", a.unemployedSince(), today, "Date they stopped working");
        } else if (a.employmentStatus().inWork() && a.employmentStatus() != EmploymentStatus.SELF_EMPLOYED) {
            required(problems, "employerName", a.employerName(), "Enter the employer's name", SHORT_TEXT * 2,
                    "Employer name");
        }
        if (Boolean.TRUE.equals(a.hasFitNote())) {
            notFuture(problems, "fitNoteSince", a.fitNoteSince(), today, "Date of the fit note");
        }
        maxLength(problems, "conditionDetails", a.conditionDetails(), LONG_TEXT, "Details of health conditions");
        maxLength(problems, "helpWanted", a.helpWanted(), LONG_TEXT, "What help they want");
        coded(problems, "waitingForTreatment", a.waitingForTreatment(), ReferralCodes.YES_NO_DONT_KNOW,
                "Select whether they are waiting for treatment");
        equality(problems, a);
        if (!a.consentToContact()) {
            problems.add(new Problem("consentToContact",
                    "You must agree that the service can contact the person and use their information"));
        }
        return problems;
    }

    public static void contact(List<Problem> problems, ReferralAnswers a) {
        String phone = normalisePhone(a.phone());
        if (phone != null && !UK_PHONE.matcher(phone).matches()) {
            problems.add(new Problem("phone", "Enter a UK phone number, like 01632 960 001 or 07700 900 982"));
        }
        if (!Answers.blank(a.email()) && !Answers.email(a.email())) {
            problems.add(new Problem("email", "Enter an email address in the correct format, like name@example.com"));
        }
        if (a.postcode() == null || a.postcode().isBlank()) {
            problems.add(new Problem("postcode", "Enter a postcode"));
        } else if (normalisePostcode(a.postcode()) == null) {
            problems.add(new Problem("postcode", "Enter a real postcode, like BL9 0EJ"));
        }
        maxLength(problems, "addressLine1", a.addressLine1(), SHORT_TEXT * 2, "Address line 1");
        maxLength(problems, "addressLine2", a.addressLine2(), SHORT_TEXT * 2, "Address line 2");
        maxLength(problems, "town", a.town(), SHORT_TEXT, "Town or city");
        maxLength(problems, "bestTimes", a.bestTimes(), SHORT_TEXT * 2, "Best times to contact");
        ContactPreference preference = a.contactPreference();
        if (preference == null) {
            problems.add(new Problem("contactPreference", "Select how the person would like to be contacted"));
        } else if ((preference == ContactPreference.PHONE || preference == ContactPreference.TEXT) && phone == null) {
            problems.add(new Problem("phone", "Enter a phone number, or choose another way to be contacted"));
        } else if (preference == ContactPreference.EMAIL && (a.email() == null || a.email().isBlank())) {
            problems.add(new Problem("email", "Enter an email address, or choose another way to be contacted"));
        } else if (preference == ContactPreference.LETTER && (a.addressLine1() == null || a.addressLine1().isBlank())) {
            problems.add(new Problem("addressLine1", "Enter the first line of the address, or choose another way to be contacted"));
        }
    }

    static void dateOfBirth(List<Problem> problems, LocalDate dateOfBirth, LocalDate today) {
        if (dateOfBirth == null) {
            problems.add(new Problem("dateOfBirth", "Enter the date of birth"));
            return;
        }
        if (dateOfBirth.isAfter(today)) {
            problems.add(new Problem("dateOfBirth", "Date of birth must be in the past"));
            return;
        }
        int age = Period.between(dateOfBirth, today).getYears();
        if (age < MIN_AGE || age > MAX_AGE) {
            problems.add(new Problem("dateOfBirth", "The person must be aged " + MIN_AGE + " to " + MAX_AGE
                    + " to get support from this service"));
        }
    }

    static void nhsNumber(List<Problem> problems, String nhsNumber) {
        if (nhsNumber == null || nhsNumber.isBlank()) {
            return;
        }
        String digits = nhsNumber.replaceAll("[\\s-]", "");
        if (!digits.matches("\\d{10}") || !nhsChecksumValid(digits)) {
            problems.add(new Problem("nhsNumber", "Enter a valid NHS number, like 999 000 0018"));
        }
    }

    /** The NHS number's modulus 11 check digit. */
    public static boolean nhsChecksumValid(String digits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - (sum % 11);
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == digits.charAt(9) - '0';
    }

    /** "bl90ej" becomes "BL9 0EJ"; null when it is not a UK postcode. */
    public static String normalisePostcode(String postcode) {
        if (postcode == null) {
            return null;
        }
        String compact = postcode.replaceAll("\\s", "").toUpperCase(Locale.UK);
        if (compact.length() < 5 || compact.length() > 7 || !POSTCODE.matcher(compact).matches()) {
            return null;
        }
        return compact.substring(0, compact.length() - 3) + " " + compact.substring(compact.length() - 3);
    }

    /** The outward code, such as "BL9", which areas are defined by. */
    public static String postcodeDistrict(String postcode) {
        String normal = normalisePostcode(postcode);
        return normal == null ? null : normal.substring(0, normal.indexOf(' '));
    }

    /** Digits and a leading +, or null when nothing was given. */
    public static String normalisePhone(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        return phone.replaceAll("[\\s()-]", "");
    }

    public static String normaliseNhsNumber(String nhsNumber) {
        return nhsNumber == null || nhsNumber.isBlank() ? null : nhsNumber.replaceAll("[\\s-]", "");
    }

    private static void name(List<Problem> problems, String field, String value, String enter, String label) {
        if (required(problems, field, value, enter, SHORT_TEXT, label) && !NAME.matcher(value.strip()).matches()) {
            problems.add(new Problem(field, label + " must only include letters a to z, hyphens, spaces and apostrophes"));
        }
    }

    private static boolean required(List<Problem> problems, String field, String value, String enter, int max,
            String label) {
        if (value == null || value.isBlank()) {
            problems.add(new Problem(field, enter));
            return false;
        }
        return maxLength(problems, field, value, max, label);
    }

    /** The equality answers are optional, but when given they are one of the listed answers. */
    public static void equality(List<Problem> problems, ReferralAnswers a) {
        coded(problems, "sex", a.sex(), ReferralCodes.SEXES, "Select their sex");
        coded(problems, "genderSameAsBirth", a.genderSameAsBirth(), ReferralCodes.YES_NO_PREFER,
                "Select an answer about their gender");
        coded(problems, "ethnicity", a.ethnicity(), ReferralCodes.ETHNICITIES, "Select an ethnic group from the list");
        coded(problems, "disability", a.disability(), ReferralCodes.YES_NO_PREFER,
                "Select whether they consider themselves disabled");
        coded(problems, "caring", a.caring(), ReferralCodes.YES_NO_PREFER, "Select whether they care for anyone");
    }

    /** A coded answer left empty is no answer; anything but a listed code is refused, never stored. */
    private static void coded(List<Problem> problems, String field, String value, java.util.Set<String> codes,
            String select) {
        if (value != null && !value.isEmpty() && !codes.contains(value)) {
            problems.add(new Problem(field, select));
        }
    }

    private static boolean maxLength(List<Problem> problems, String field, String value, int max, String label) {
        if (value != null && value.strip().length() > max) {
            problems.add(new Problem(field, label + " must be " + max + " characters or fewer"));
            return false;
        }
        return true;
    }

    private static void notFuture(List<Problem> problems, String field, LocalDate date, LocalDate today,
            String label) {
        if (date == null) {
            problems.add(new Problem(field, "Enter the " + label.toLowerCase(Locale.UK)));
        } else if (date.isAfter(today)) {
            problems.add(new Problem(field, label + " must be today or in the past"));
        }
    }
}
