package org.workhealth.referral;

import static org.workhealth.referral.internal.ReferralCodes.PREFER_NOT_TO_SAY;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.workhealth.govuk.Choices;
import org.workhealth.referral.internal.ContactPreference;
import org.workhealth.referral.internal.ReferralCodes;

/** The options the referral questions offer, with their wording; pages read it as {@code choices}. */
public final class ReferralChoices {

    static final ReferralChoices INSTANCE = new ReferralChoices();

    private ReferralChoices() {
    }

    public List<Map<String, Object>> contactPreferences(String chosen) {
        return Choices.options(List.of(ContactPreference.values()), ContactPreference::name, ContactPreference::label,
                null, listOf(chosen));
    }

    public List<Map<String, Object>> employmentStatuses(String chosen) {
        return Choices.options(List.of(EmploymentStatus.values()), EmploymentStatus::name, EmploymentStatus::label,
                null, listOf(chosen));
    }

    public List<Map<String, Object>> yesNoDontKnow(String chosen) {
        return Choices.options(List.of("YES", "NO", "DONT_KNOW"), v -> v, ReferralChoices::label, null, listOf(chosen));
    }

    public List<Map<String, Object>> yesNoPreferNot(String chosen) {
        return Choices.options(List.of("YES", "NO", PREFER_NOT_TO_SAY), v -> v, ReferralChoices::label, null,
                listOf(chosen));
    }

    public List<Map<String, Object>> sexes(String chosen) {
        return Choices.options(List.of("FEMALE", "MALE", PREFER_NOT_TO_SAY), v -> v, ReferralChoices::label, null,
                listOf(chosen));
    }

    /**
     * The ethnic groups as option groups of a select, each ethnicity named without its group so that
     * typing "Ind" finds "Indian". The value stays the stored code, "Asian or Asian British: Indian".
     */
    public List<EthnicGroup> ethnicGroupOptions() {
        List<EthnicGroup> groups = new ArrayList<>();
        ReferralCodes.ETHNIC_GROUPS.forEach((group, names) -> groups.add(new EthnicGroup(group,
                names.stream().map(name -> new Ethnicity(group + ": " + name, name)).toList())));
        return groups;
    }

    /** One heading of the ethnic group select and the ethnicities under it. */
    public record EthnicGroup(String label, List<Ethnicity> ethnicities) {
    }

    /** An ethnicity as stored ({@code code}) and as shown under its group ({@code name}). */
    public record Ethnicity(String code, String name) {
    }

    public static String label(String value) {
        if (value == null) {
            return "";
        }
        return switch (value) {
            case "YES" -> "Yes";
            case "NO" -> "No";
            case "DONT_KNOW" -> "I do not know";
            case PREFER_NOT_TO_SAY -> "Prefer not to say";
            case "FEMALE" -> "Female";
            case "MALE" -> "Male";
            case "SELF" -> "Myself";
            case "SOMEONE_ELSE" -> "Someone else";
            default -> value;
        };
    }

    private static List<String> listOf(String chosen) {
        return chosen == null ? List.of() : List.of(chosen);
    }
}
