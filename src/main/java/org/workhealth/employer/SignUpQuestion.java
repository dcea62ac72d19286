package org.workhealth.employer;

import org.workhealth.classification.SicSection;
import org.workhealth.govuk.Answers;
import org.workhealth.employer.internal.LocalAuthority;
import org.workhealth.employer.internal.SignUpDraft;
import org.workhealth.employer.internal.Site;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.workhealth.govuk.Choices;

/**
 * The question pages of an employer's sign-up, in order, each with the answers it collects and what it checks.
 * The same pages serve the public form and an advisor signing an employer up. Limits match the columns.
 */
enum SignUpQuestion {
    ORGANISATION("organisation", "About your organisation", "name", "companiesHouseNumber"),
    SECTOR("sector", "What does your organisation mainly do?", "sicSection"),
    EMPLOYEES("employees", "How many people does your organisation employ?", "employees"),
    SITES("sites", "Where does your organisation work?", "siteName", "sitePostcode", "siteAuthority"),
    CONTACT("contact", "Who should we contact?", "contactName", "contactEmail", "contactPhone"),
    AGREEMENT("agreement", "Agreeing to be contacted", "agreeToContact");

    static final int NAME_MAX = 160;
    static final int SITE_NAME_MAX = 160;
    static final int CONTACT_NAME_MAX = 100;
    static final int EMAIL_MAX = Answers.EMAIL_LENGTH;
    static final int PHONE_MAX = 30;
    static final int MOST_EMPLOYEES = 1_000_000;

    /** A company registration number: 8 digits, or 2 letters (such as SC, NI, OC) and 6 digits. */
    private static final Pattern COMPANIES_HOUSE = Pattern.compile("[0-9]{8}|[A-Z]{2}[0-9]{6}");
    private static final Pattern POSTCODE = Pattern.compile("[A-Z]{1,2}[0-9][0-9A-Z]? [0-9][A-Z]{2}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()-]{10,30}");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]{1,3}(,?[0-9]{3})*");

    private final String slug;
    private final String title;
    private final String[] inputs;

    SignUpQuestion(String slug, String title, String... inputs) {
        this.slug = slug;
        this.title = title;
        this.inputs = inputs;
    }

    String slug() {
        return slug;
    }

    String title() {
        return title;
    }

    String[] inputs() {
        return inputs.clone();
    }

    static SignUpQuestion bySlug(String slug) {
        for (SignUpQuestion question : values()) {
            if (question.slug.equals(slug)) {
                return question;
            }
        }
        return null;
    }

    SignUpQuestion next() {
        return ordinal() + 1 < values().length ? values()[ordinal() + 1] : null;
    }

    SignUpQuestion previous() {
        return ordinal() > 0 ? values()[ordinal() - 1] : null;
    }

    /** The first page whose answers have a problem, or null when the sign-up is ready to send. */
    static SignUpQuestion firstWithProblems(SignUpDraft draft) {
        for (SignUpQuestion question : values()) {
            if (!question.problems(draft).isEmpty()) {
                return question;
            }
        }
        return null;
    }

    /** What is wrong with this page's answers: {field, message, anchor} in page order. */
    List<String[]> problems(SignUpDraft draft) {
        List<String[]> problems = new ArrayList<>();
        switch (this) {
            case ORGANISATION -> {
                text(problems, "name", draft.getName(), "Enter the name of your organisation",
                        "Organisation name", NAME_MAX);
                String number = SignUpDraft.normalisedCompaniesHouse(draft.getCompaniesHouseNumber());
                if (number != null && !COMPANIES_HOUSE.matcher(number).matches()) {
                    problems.add(problem("companiesHouseNumber", "Enter a Companies House number of 8 characters, "
                            + "like 01234567 or SC123456, or leave it blank"));
                }
            }
            case SECTOR -> {
                if (Choices.chosen(SicSection.class, draft.getSicSection()) == null) {
                    problems.add(new String[] {"sicSection", "Select what your organisation mainly does",
                        "sicSection"});
                }
            }
            case EMPLOYEES -> employees(problems, draft.getEmployees());
            case SITES -> sites(problems, draft);
            case CONTACT -> {
                text(problems, "contactName", draft.getContactName(), "Enter the name of the main contact",
                        "Contact name", CONTACT_NAME_MAX);
                String email = draft.getContactEmail();
                if (Answers.blank(email)) {
                    problems.add(problem("contactEmail", "Enter the main contact's email address"));
                } else if (email.strip().length() > EMAIL_MAX) {
                    problems.add(problem("contactEmail", "Email address must be " + EMAIL_MAX
                            + " characters or fewer"));
                } else if (!Answers.email(email)) {
                    problems.add(problem("contactEmail",
                            "Enter an email address in the correct format, like name@example.com"));
                }
                String phone = draft.getContactPhone();
                if (!Answers.blank(phone) && (phone.strip().length() > PHONE_MAX
                        || !PHONE.matcher(phone.strip()).matches())) {
                    problems.add(problem("contactPhone",
                            "Enter a phone number, like 0121 496 0000 or +44 121 496 0000, or leave it blank"));
                }
            }
            case AGREEMENT -> {
                if (!"yes".equals(draft.getAgreeToContact())) {
                    problems.add(problem("agreeToContact",
                            "Confirm that the programme's advisors may contact you about your sign-up"));
                }
            }
            default -> throw new IllegalStateException();
        }
        return problems;
    }

    private static void employees(List<String[]> problems, String answer) {
        if (Answers.blank(answer)) {
            problems.add(problem("employees", "Enter the number of people your organisation employs"));
            return;
        }
        String typed = answer.strip();
        if (!WHOLE_NUMBER.matcher(typed).matches()) {
            problems.add(problem("employees", "Number of employees must be a whole number, like 45"));
            return;
        }
        String digits = typed.replace(",", "").replaceFirst("^0+(?=.)", "");
        // More digits than any number allowed: refused before it is read, so that it cannot overflow.
        long employees = digits.length() > 9 ? Long.MAX_VALUE : Long.parseLong(digits);
        if (employees < 1) {
            problems.add(problem("employees", "Number of employees must be 1 or more"));
        } else if (employees > MOST_EMPLOYEES) {
            problems.add(problem("employees", "Number of employees must be " + String.format("%,d", MOST_EMPLOYEES)
                    + " or fewer"));
        }
    }

    private static void sites(List<String[]> problems, SignUpDraft draft) {
        boolean any = false;
        for (int i = 0; i < SignUpDraft.SITES; i++) {
            if (!draft.siteAnswered(i)) {
                continue;
            }
            any = true;
            String n = String.valueOf(i + 1);
            String which = i == 0 ? "" : " of site " + n;
            String name = draft.getSiteName()[i];
            if (Answers.blank(name)) {
                problems.add(new String[] {"siteName" + n, "Enter the name" + which + ", like Head office",
                    "siteName-" + n});
            } else if (name.strip().length() > SITE_NAME_MAX) {
                problems.add(new String[] {"siteName" + n, "Site name must be " + SITE_NAME_MAX
                    + " characters or fewer", "siteName-" + n});
            }
            String postcode = SignUpDraft.normalisedPostcode(draft.getSitePostcode()[i]);
            if (postcode != null && !POSTCODE.matcher(postcode).matches()) {
                problems.add(new String[] {"sitePostcode" + n, "Enter a real postcode" + which
                    + ", like B1 1BB, or leave it blank", "sitePostcode-" + n});
            }
            if (Choices.chosen(LocalAuthority.class, draft.getSiteAuthority()[i]) == null) {
                problems.add(new String[] {"siteAuthority" + n, "Select the local authority" + which,
                    "siteAuthority-" + n});
            }
        }
        if (!any) {
            problems.add(new String[] {"siteName1", "Enter at least one site, like Head office", "siteName-1"});
        }
    }

    private static void text(List<String[]> problems, String field, String value, String missing, String label,
            int max) {
        if (Answers.blank(value)) {
            problems.add(problem(field, missing));
        } else if (value.strip().length() > max) {
            problems.add(problem(field, label + " must be " + max + " characters or fewer"));
        }
    }

    private static String[] problem(String field, String message) {
        return new String[] {field, message, field};
    }
}
