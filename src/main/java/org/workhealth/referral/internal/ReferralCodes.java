package org.workhealth.referral.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The stored codes of the referral's coded answers; {@code ReferralChoices} words them for the pages. */
public final class ReferralCodes {

    public static final String PREFER_NOT_TO_SAY = "PREFER_NOT_TO_SAY";

    /** The ONS 2021 census ethnic groups for England and Wales. */
    public static final Map<String, List<String>> ETHNIC_GROUPS = ethnicGroups();

    public static final Set<String> SEXES = Set.of("FEMALE", "MALE", PREFER_NOT_TO_SAY);
    public static final Set<String> YES_NO_PREFER = Set.of("YES", "NO", PREFER_NOT_TO_SAY);
    public static final Set<String> YES_NO_DONT_KNOW = Set.of("YES", "NO", "DONT_KNOW");
    /** The stored codes of the ethnic group question: "group: ethnicity", or prefer not to say. */
    public static final Set<String> ETHNICITIES = ethnicityCodes();

    private ReferralCodes() {
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
