package org.workhealth.referral;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.workhealth.govuk.DateAnswer;

/**
 * One eligibility rule of a programme, as stored: a kind and its plain-text parameters. Says what it
 * asks for in words and whether a person meets it, and why, as triage shows it.
 *
 * <ul>
 * <li>{@code AGE_RANGE "16,67"}: aged from 16 to 67 inclusive on the day the referral was received (a person on
 * their 16th birthday passes; on their 68th they do not).</li>
 * <li>{@code EMPLOYMENT_STATUS_IN "EMPLOYED,OFF_SICK"}: employment status is one of the {@link EmploymentStatus}
 * names.</li>
 * <li>{@code WEEKS_SINCE_LAST_WORKED_AT_MOST "8"}: only people who are unemployed are measured, from the date they
 * stopped working to the day of referral; exactly 8 weeks (56 days) passes. People in work pass; people who have
 * "not worked recently" gave no date and fail.</li>
 * <li>{@code IN_AREA}: no parameters; see {@link EligibilityCheck} for how the area is decided.</li>
 * <li>{@code HEALTH_CONDITION_PRESENT}: no parameters; a mental health, musculoskeletal or other condition.</li>
 * <li>{@code NOT_ALREADY_ACTIVE}: no parameters; no other accepted referral for the same person on the
 * programme (see {@link EligibilityCheck}).</li>
 * </ul>
 */
record EligibilityRule(long id, EligibilityRuleKind kind, String parameters, int position) {

    /** Null when the parameters suit the kind; otherwise a message saying what is wrong. */
    static String problemWith(EligibilityRuleKind kind, String parameters) {
        try {
            switch (kind) {
                case AGE_RANGE -> {
                    int[] range = ages(parameters);
                    if (range[0] < 0 || range[1] > 120) {
                        return "Ages must be between 0 and 120";
                    }
                    if (range[0] > range[1]) {
                        return "The youngest age must be the same as or less than the oldest age";
                    }
                }
                case EMPLOYMENT_STATUS_IN -> {
                    if (statuses(parameters).isEmpty()) {
                        return "Select at least one employment status";
                    }
                }
                case WEEKS_SINCE_LAST_WORKED_AT_MOST -> {
                    int weeks = weeks(parameters);
                    if (weeks < 1 || weeks > 520) {
                        return "Weeks must be between 1 and 520";
                    }
                }
                default -> {
                    // The other kinds take no parameters.
                }
            }
            return null;
        } catch (IllegalArgumentException e) {
            return "The details for this rule are not in the right form";
        }
    }

    /** The rule in words, as commissioners and triage staff read it: "Aged 16 to 67". */
    String describe() {
        return switch (kind) {
            case AGE_RANGE -> {
                int[] range = ages(parameters);
                yield "Aged " + range[0] + " to " + range[1];
            }
            case EMPLOYMENT_STATUS_IN -> "Employment status is " + orList(statuses(parameters).stream()
                    .map(s -> s.label().toLowerCase(Locale.UK)).toList());
            case WEEKS_SINCE_LAST_WORKED_AT_MOST -> "If unemployed, stopped working no more than "
                    + weeksText(weeks(parameters)) + " before referral";
            case IN_AREA -> "Lives in, or is registered with a GP practice in, the programme's area";
            case HEALTH_CONDITION_PRESENT -> "Has a health condition";
            case NOT_ALREADY_ACTIVE -> "Not already accepted on this programme";
        };
    }

    RuleOutcome evaluate(PersonFacts person) {
        return switch (kind) {
            case AGE_RANGE -> age(person);
            case EMPLOYMENT_STATUS_IN -> employment(person);
            case WEEKS_SINCE_LAST_WORKED_AT_MOST -> weeksOutOfWork(person);
            case IN_AREA -> person.areaMatch() != null
                    ? outcome(true, person.areaMatch() + " is in the programme's area")
                    : outcome(false, notInArea(person));
            case HEALTH_CONDITION_PRESENT -> person.anyCondition()
                    ? outcome(true, capitalise(conditions(person)))
                    : outcome(false, "No health condition given");
            case NOT_ALREADY_ACTIVE -> person.activeReference() == null
                    ? outcome(true, "No other accepted referral for this person on this programme")
                    : outcome(false, "Already accepted on this programme (referral " + person.activeReference() + ")");
        };
    }

    private RuleOutcome age(PersonFacts person) {
        int[] range = ages(parameters);
        int age = Period.between(person.dateOfBirth(), person.referredOn()).getYears();
        if (age < range[0]) {
            return outcome(false, "Aged " + age + " when referred, younger than " + range[0]);
        }
        if (age > range[1]) {
            return outcome(false, "Aged " + age + " when referred, older than " + range[1]);
        }
        return outcome(true, "Aged " + age + " when referred");
    }

    private RuleOutcome employment(PersonFacts person) {
        EmploymentStatus status = person.employmentStatus();
        if (status == null) {
            return outcome(false, "No employment status given");
        }
        return statuses(parameters).contains(status)
                ? outcome(true, status.label())
                : outcome(false, status.label() + ", which this programme does not accept");
    }

    private RuleOutcome weeksOutOfWork(PersonFacts person) {
        int weeks = weeks(parameters);
        EmploymentStatus status = person.employmentStatus();
        if (status != null && status.inWork()) {
            return outcome(true, "In work (" + status.label() + ")");
        }
        if (status != EmploymentStatus.UNEMPLOYED) {
            return outcome(false, status == null ? "No employment status given"
                    : "Not worked recently, and no date they stopped working");
        }
        if (person.unemployedSince() == null) {
            return outcome(false, "No date given for when they stopped working");
        }
        long days = ChronoUnit.DAYS.between(person.unemployedSince(), person.referredOn());
        String since = "Stopped working on " + DateAnswer.format(person.unemployedSince()) + ", "
                + ago(days) + " before referral";
        return days <= weeks * 7L ? outcome(true, since) : outcome(false, since + ", more than " + weeksText(weeks));
    }

    private static String notInArea(PersonFacts person) {
        List<String> given = new ArrayList<>();
        if (person.postcodeDistrict() != null) {
            given.add("postcode district " + person.postcodeDistrict());
        }
        if (person.gpPracticeCode() != null) {
            given.add("GP practice " + person.gpPracticeCode());
        }
        if (given.isEmpty()) {
            return "No postcode or GP practice code given";
        }
        return capitalise(String.join(" and ", given)) + (given.size() == 1 ? " is" : " are")
                + " outside the areas of the organisations delivering this programme";
    }

    /** "a mental health condition and a musculoskeletal condition", for reasons and cohort explanations. */
    static String conditions(PersonFacts person) {
        List<String> named = new ArrayList<>();
        if (person.mentalHealth()) {
            named.add("a mental health condition");
        }
        if (person.musculoskeletal()) {
            named.add("a musculoskeletal condition");
        }
        if (person.otherCondition()) {
            named.add("another long-term condition");
        }
        return andList(named);
    }

    private RuleOutcome outcome(boolean passed, String reason) {
        return new RuleOutcome(describe(), passed, reason);
    }

    static int[] ages(String parameters) {
        String[] parts = parts(parameters);
        if (parts.length != 2) {
            throw new IllegalArgumentException("Age range needs two ages: " + parameters);
        }
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
    }

    static List<EmploymentStatus> statuses(String parameters) {
        return Arrays.stream(parts(parameters)).map(EmploymentStatus::valueOf).distinct().toList();
    }

    static int weeks(String parameters) {
        String[] parts = parts(parameters);
        if (parts.length != 1) {
            throw new IllegalArgumentException("Weeks needs one number: " + parameters);
        }
        return Integer.parseInt(parts[0]);
    }

    private static String[] parts(String parameters) {
        if (parameters == null || parameters.isBlank()) {
            return new String[0];
        }
        return Arrays.stream(parameters.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.toUpperCase(Locale.UK)).toArray(String[]::new);
    }

    private static String ago(long days) {
        if (days % 7 == 0) {
            return weeksText(days / 7);
        }
        return (days / 7 == 0 ? "" : weeksText(days / 7) + " and ") + days % 7 + (days % 7 == 1 ? " day" : " days");
    }

    static String weeksText(long weeks) {
        return weeks + (weeks == 1 ? " week" : " weeks");
    }

    static String andList(List<String> items) {
        return join(items, " and ");
    }

    private static String orList(List<String> items) {
        return join(items, " or ");
    }

    private static String join(List<String> items, String last) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + last + items.get(items.size() - 1);
    }

    static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
