package org.workhealth.referral;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.workhealth.govuk.Choices;

/** The options the referral questions offer, with their wording; pages read it as {@code choices}. */
public final class ReferralChoices {

    static final ReferralChoices INSTANCE = new ReferralChoices();

    static final String PREFER_NOT_TO_SAY = "PREFER_NOT_TO_SAY";

    /** The ONS 2021 census ethnic groups for England and Wales. */
    static final Map<String, List<String>> ETHNIC_GROUPS = ethnicGroups();

    static final Set<String> SEXES = Set.of("FEMALE", "MALE", PREFER_NOT_TO_SAY);
    static final Set<String> YES_NO_PREFER = Set.of("YES", "NO", PREFER_NOT_TO_SAY);
    static final Set<String> YES_NO_DONT_KNOW = Set.of("YES", "NO", "DONT_KNOW");
    /** The stored codes of the ethnic group question: "group: ethnicity", or prefer not to say. */
    static final Set<String> ETHNICITIES = ethnicityCodes();

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
        ETHNIC_GROUPS.forEach((group, names) -> groups.add(new EthnicGroup(group,
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

    private static Set<String> ethnicityCodes() {
        Set<String> codes = new java.util.HashSet<>(Set.of(PREFER_NOT_TO_SAY));
        ETHNIC_GROUPS.forEach((group, names) -> names.forEach(name -> codes.add(group + ": " + name)));
        return Set.copyOf(codes);
    }

    private static Map<String, List<String>> ethnicGroups() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put("Asian or Asian British", List.of("Bangladeshi", "Chinese", "Indian", "Pakistani",
                "Any other Asian background"));
        groups.put("Black, Black British, Caribbean or African", List.of("African", "Caribbean",
                "Any other Black, Black British or Caribbean background"));
        groups.put("Mixed or multiple ethnic groups", List.of("White and Asian", "White and Black African",
                "White and Black Caribbean", "Any other Mixed or multiple ethnic background"));
        groups.put("White", List.of("English, Welsh, Scottish, Northern Irish or British", "Irish",
                "Gypsy or Irish Traveller", "Roma", "Any other White background"));
        groups.put("Other ethnic group", List.of("Arab", "Any other ethnic group"));
        return groups;
    }
}
