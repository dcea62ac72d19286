package org.workhealth.referral;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.workhealth.govuk.DateAnswer;
import org.workhealth.referral.internal.ReferralRules;

/**
 * The question pages of a referral, in order, each with the answers it collects and the rules it
 * checks. The same pages serve the public form and signed-in referrers. Each has two titles: one
 * about the person being referred, and one that speaks to someone referring themselves.
 */
enum ReferralQuestion {
    WHO("who", "Who are you referring?", Set.of("referringFor", "referrerName", "referrerContact", "personAgrees"),
            Set.of("referrerName", "referrerContact", "personAgrees")),
    NAME("name", "What is their name?", "What is your name?", Set.of("firstName", "lastName"),
            Set.of("firstName", "lastName")),
    DATE_OF_BIRTH("date-of-birth", "What is their date of birth?", "What is your date of birth?",
            Set.of("dobDay", "dobMonth", "dobYear"), Set.of("dateOfBirth")),
    CONTACT("contact-details", "How can we contact them?", "How can we contact you?", Set.of("phone", "email",
            "addressLine1", "addressLine2", "town",
            "postcode", "contactPreference", "bestTimes"),
            Set.of("phone", "email", "addressLine1", "addressLine2", "town", "postcode", "contactPreference",
                    "bestTimes")),
    GP("gp", "Their GP practice", "Your GP practice", Set.of("gpPractice", "nhsNumber"),
            Set.of("gpPractice", "nhsNumber")),
    WORK("work", "Their work", "Your work", Set.of("employmentStatus", "unemployedDay", "unemployedMonth", "unemployedYear",
            "employerName", "hasFitNote", "fitNoteDay", "fitNoteMonth", "fitNoteYear"),
            Set.of("employmentStatus", "unemployedSince", "employerName", "fitNoteSince")),
    HEALTH("health", "Their health", "Your health", Set.of("conditions", "conditionDetails", "waitingForTreatment"),
            Set.of("conditionDetails", "waitingForTreatment")),
    HELP("help", "What help would they like?", "What help would you like?", Set.of("helpWanted"),
            Set.of("helpWanted")),
    CONSENT("consent", "Agreement to contact and use information", Set.of("consentToContact",
            "consentToContactEmployer"), Set.of("consentToContact")),
    EQUALITY("equality", "Equality monitoring questions (optional)", Set.of("sex", "genderSameAsBirth", "ethnicity",
            "disability", "caring"), Set.of("sex", "genderSameAsBirth", "ethnicity", "disability", "caring"));

    private final String slug;
    private final String title;
    private final String selfTitle;
    private final Set<String> inputs;
    private final Set<String> ruleFields;

    ReferralQuestion(String slug, String title, Set<String> inputs, Set<String> ruleFields) {
        this(slug, title, title, inputs, ruleFields);
    }

    ReferralQuestion(String slug, String title, String selfTitle, Set<String> inputs, Set<String> ruleFields) {
        this.slug = slug;
        this.title = title;
        this.selfTitle = selfTitle;
        this.inputs = inputs;
        this.ruleFields = ruleFields;
    }

    String slug() {
        return slug;
    }

    String title() {
        return title;
    }

    /** The title as someone filling the form for themselves reads it. */
    String title(boolean self) {
        return self ? selfTitle : title;
    }

    String[] inputs() {
        return inputs.toArray(String[]::new);
    }

    static ReferralQuestion bySlug(String slug) {
        for (ReferralQuestion question : values()) {
            if (question.slug.equals(slug)) {
                return question;
            }
        }
        return null;
    }

    ReferralQuestion next() {
        return ordinal() + 1 < values().length ? values()[ordinal() + 1] : null;
    }

    ReferralQuestion previous() {
        return ordinal() > 0 ? values()[ordinal() - 1] : null;
    }

    /** What is wrong with this page's answers: {field, message, anchor} in page order. */
    List<String[]> problems(ReferralDraft draft, LocalDate today) {
        return problems(draft, today, ReferralRules.check(draft.toAnswers(), today));
    }

    /** As {@link #problems(ReferralDraft, LocalDate)}, given the whole referral's rule problems worked out once. */
    List<String[]> problems(ReferralDraft draft, LocalDate today, List<ReferralRules.Problem> ruleProblems) {
        List<String[]> problems = new ArrayList<>();
        switch (this) {
            case WHO -> {
                if (draft.getReferringFor() == null) {
                    problems.add(new String[] {"referringFor", "Select whether you are referring yourself or someone else",
                        "referringFor"});
                }
            }
            case DATE_OF_BIRTH -> date(problems, "dateOfBirth", "Date of birth", draft.getDobDay(),
                    draft.getDobMonth(), draft.getDobYear(), true);
            case WORK -> {
                if ("UNEMPLOYED".equals(draft.getEmploymentStatus())) {
                    date(problems, "unemployedSince", "Date they stopped working", draft.getUnemployedDay(),
                            draft.getUnemployedMonth(), draft.getUnemployedYear(), true);
                }
                if ("yes".equals(draft.getHasFitNote())) {
                    date(problems, "fitNoteSince", "Date of the fit note", draft.getFitNoteDay(),
                            draft.getFitNoteMonth(), draft.getFitNoteYear(), true);
                }
            }
            default -> {
            }
        }
        for (ReferralRules.Problem problem : ruleProblems) {
            if (ruleFields.contains(problem.field())) {
                problems.add(new String[] {problem.field(), problem.message(), anchor(problem.field())});
            }
        }
        return problems;
    }

    /**
     * The rules speak about "the person", as a referrer or a bulk file's row report needs; someone
     * referring themselves reads the same messages about "you".
     */
    static List<String[]> spokenToSelf(List<String[]> problems) {
        return problems.stream().map(p -> new String[] {p[0], toSelf(p[1]), p[2]}).toList();
    }

    private static String toSelf(String message) {
        String spoken = message;
        for (String[] words : SELF_WORDS) {
            spoken = spoken.replace(words[0], words[1]);
        }
        return spoken;
    }

    private static final String[][] SELF_WORDS = {
        {"The person must", "You must"},
        {"how the person would like", "how you would like"},
        {"contact the person and use their information", "contact you and use your information"},
        {"Date they stopped working", "Date you stopped working"},
        {"date they stopped working", "date you stopped working"},
        {"What help they want", "What help you want"},
    };

    private static void date(List<String[]> problems, String field, String label, String day, String month,
            String year, boolean required) {
        if (!DateAnswer.answered(day, month, year)) {
            if (required) {
                problems.add(new String[] {field, "Enter the " + label.toLowerCase(java.util.Locale.UK), field + "-day"});
            }
            return;
        }
        DateAnswer answer = DateAnswer.parse(label, day, month, year);
        if (!answer.valid()) {
            problems.add(new String[] {field, answer.error(), field + "-" + answer.firstWrongPart()});
        }
    }

    /**
     * The ids of the date boxes to mark as wrong, given this page's problems: only the wrong part of a
     * date that is not a real date, every box of a date that is wrong as a whole (missing, or out of range).
     */
    Set<String> wrongDateBoxes(ReferralDraft draft, List<String[]> problems) {
        Set<String> boxes = new java.util.HashSet<>();
        for (String[] problem : problems) {
            String[] parts = switch (problem[0]) {
                case "dateOfBirth" -> new String[] {draft.getDobDay(), draft.getDobMonth(), draft.getDobYear()};
                case "unemployedSince" -> new String[] {draft.getUnemployedDay(), draft.getUnemployedMonth(),
                    draft.getUnemployedYear()};
                case "fitNoteSince" -> new String[] {draft.getFitNoteDay(), draft.getFitNoteMonth(),
                    draft.getFitNoteYear()};
                default -> null;
            };
            if (parts != null) {
                DateAnswer answer = DateAnswer.parse("Date", parts[0], parts[1], parts[2]);
                List<String> wrong = answer.valid() ? List.of("day", "month", "year") : answer.wrongParts();
                wrong.forEach(part -> boxes.add(problem[0] + "-" + part));
            }
        }
        return boxes;
    }

    private static String anchor(String field) {
        return switch (field) {
            case "dateOfBirth", "unemployedSince", "fitNoteSince" -> field + "-day";
            case "contactPreference", "referringFor", "employmentStatus" -> field;
            default -> field;
        };
    }
}
