package org.workhealth.referral;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.workhealth.govuk.DateAnswer;
import org.workhealth.referral.internal.ContactPreference;

/** How triage pages write times and a referral's answers: GOV.UK style, "4 March 2026 at 2:15pm". */
final class TriageViews {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mma", Locale.UK);

    /** A titled summary list. */
    record Section(String title, List<Map<String, Object>> rows) {
    }

    private TriageViews() {
    }

    static String dateTime(Instant instant, ZoneId zone) {
        if (instant == null) {
            return "";
        }
        var local = instant.atZone(zone);
        return DATE.format(local) + " at " + TIME.format(local).toLowerCase(Locale.UK);
    }

    /** Every answer on the referral, grouped as the form asks them. Values are escaped by the component. */
    static List<Section> answers(ReferralDetails r) {
        List<Section> sections = new ArrayList<>();
        List<Map<String, Object>> person = new ArrayList<>();
        row(person, "Name", r.fullName());
        row(person, "Date of birth", r.dateOfBirth() == null ? null : DateAnswer.format(r.dateOfBirth()));
        row(person, "NHS number", r.nhsNumber() == null ? null
                : r.nhsNumber().substring(0, 3) + " " + r.nhsNumber().substring(3, 6) + " " + r.nhsNumber().substring(6));
        row(person, "Postcode", r.postcode());
        row(person, "GP practice", join(r.gpPractice(), r.gpPracticeCode() == null ? null : "(" + r.gpPracticeCode() + ")"));
        sections.add(new Section("Person", person));

        List<Map<String, Object>> contact = new ArrayList<>();
        row(contact, "Phone", r.phone());
        row(contact, "Email", r.email());
        row(contact, "Address", joinLines(r.addressLine1(), r.addressLine2(), r.town(), r.postcode()));
        row(contact, "Contact preference", label(ContactPreference.class, r.contactPreference()));
        row(contact, "Best times to contact", r.bestTimes());
        sections.add(new Section("Contact", contact));

        List<Map<String, Object>> work = new ArrayList<>();
        row(work, "Employment status", label(EmploymentStatus.class, r.employmentStatus()));
        if (r.unemployedSince() != null) {
            row(work, "Not working since", DateAnswer.format(r.unemployedSince()));
        }
        row(work, "Employer", r.employerName());
        row(work, "Fit note", r.hasFitNote() == null ? null
                : r.hasFitNote() ? "Yes" + (r.fitNoteSince() == null ? "" : ", since " + DateAnswer.format(r.fitNoteSince()))
                : "No");
        sections.add(new Section("Work", work));

        List<Map<String, Object>> health = new ArrayList<>();
        List<String> conditions = new ArrayList<>();
        if (r.mentalHealth()) {
            conditions.add("Mental health");
        }
        if (r.musculoskeletal()) {
            conditions.add("Musculoskeletal");
        }
        if (r.otherCondition()) {
            conditions.add("Other long-term condition");
        }
        row(health, "Health conditions", conditions.isEmpty() ? "None given" : String.join(", ", conditions));
        row(health, "Details", r.conditionDetails());
        row(health, "Waiting for NHS treatment", ReferralChoices.label(r.waitingForTreatment()));
        row(health, "Help wanted", r.helpWanted());
        sections.add(new Section("Health and support", health));

        List<Map<String, Object>> referral = new ArrayList<>();
        row(referral, "Received through", r.source().label());
        row(referral, "Referred by", "SOMEONE_ELSE".equals(r.referringFor())
                ? join(r.referrerName(), r.referrerOrganisationName() == null ? null : "(" + r.referrerOrganisationName() + ")")
                : "Themselves");
        if ("SOMEONE_ELSE".equals(r.referringFor())) {
            row(referral, "Referrer's contact details", r.referrerContact());
            row(referral, "Person agrees to the referral", yesNo(r.personAgrees()));
        }
        row(referral, "Consent to be contacted and their information used", yesNo(r.consentToContact()));
        row(referral, "Consent to contact their employer", yesNo(r.consentToContactEmployer()));
        sections.add(new Section("Referral and consent", referral));

        List<Map<String, Object>> equality = new ArrayList<>();
        row(equality, "Sex", ReferralChoices.label(r.sex()));
        row(equality, "Gender same as sex registered at birth", ReferralChoices.label(r.genderSameAsBirth()));
        row(equality, "Ethnic group", ReferralChoices.label(r.ethnicity()));
        row(equality, "Disability", ReferralChoices.label(r.disability()));
        row(equality, "Caring responsibilities", ReferralChoices.label(r.caring()));
        sections.add(new Section("Equality monitoring", equality));
        return sections;
    }

    static void row(List<Map<String, Object>> rows, String key, String value) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("key", Map.of("text", key));
        row.put("value", Map.of("text", value == null || value.isBlank() ? "Not given" : value));
        rows.add(row);
    }

    private static String yesNo(Boolean value) {
        return value == null ? null : value ? "Yes" : "No";
    }

    private static String join(String first, String second) {
        if (first == null) {
            return second;
        }
        return second == null ? first : first + " " + second;
    }

    private static String joinLines(String... parts) {
        List<String> present = new ArrayList<>();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                present.add(part);
            }
        }
        return present.isEmpty() ? null : String.join(", ", present);
    }

    private static <E extends Enum<E>> String label(Class<E> type, String name) {
        if (name == null) {
            return null;
        }
        try {
            Enum<E> value = Enum.valueOf(type, name);
            if (value instanceof ContactPreference p) {
                return p.label();
            }
            if (value instanceof EmploymentStatus s) {
                return s.label();
            }
            return name;
        } catch (IllegalArgumentException unknown) {
            return name;
        }
    }
}
