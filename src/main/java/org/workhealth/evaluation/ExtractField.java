package org.workhealth.evaluation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.workhealth.referral.ReferralExtractSource;

/**
 * The fields an agreement may allow, as the data dictionary describes them. Coded fields are whole numbers with
 * labels so that Stata and SPSS can attach value labels; a blank cell is "not known" (or withheld). Direct
 * identifiers (names, contacts, addresses, postcodes, NHS and NI numbers, date of birth) are not fields at all.
 * The pseudonym is always in an extract: it is what a row is.
 */
enum ExtractField {
    PSEUDONYM("pseudonym", "Pseudonym", "The person's pseudonym under this agreement: the same in every extract of "
            + "the agreement, different under any other agreement and from the national return's", Type.STRING,
            Map.of(), "evaluation", false),
    AGE_BAND("age_band", "Age band at referral", "Age in whole years on the day the referral was received, banded",
            Type.INTEGER, codes("1", "Under 16", "2", "16 to 24", "3", "25 to 34", "4", "35 to 49", "5", "50 to 64",
                    "6", "65 and over"), "referral", false),
    SEX("sex", "Sex", "Sex as the person answered at referral", Type.INTEGER,
            codes("1", "Female", "2", "Male", "9", "Prefer not to say"), "referral", false),
    ETHNIC_GROUP("ethnic_group", "Ethnic group", "ONS 2021 census ethnic group (the group only, not the finer answer)",
            Type.INTEGER, ethnicGroups(), "referral", false),
    DISABILITY("disability", "Disability", "Whether the person considers themselves disabled (Equality Act 2010)",
            Type.INTEGER, codes("1", "Yes", "2", "No", "9", "Prefer not to say"), "referral", false),
    REFERRAL_DATE("referral_date", "Referral date", "The day the referral was received", Type.DATE, Map.of(),
            "referral", false),
    SOURCE("source", "Referral source", "How the referral reached the single access point", Type.INTEGER,
            codes("1", "Online form", "2", "Partner referral", "3", "File upload"), "referral", false),
    COHORT("cohort", "Cohort", "The programme cohort the referral was triaged to (the programme's cohort code)",
            Type.STRING, Map.of(), "referral, programme", false),
    EMPLOYMENT_STATUS("employment_status", "Employment status at referral", "As the person answered at referral",
            Type.INTEGER, codes("1", "Employed", "2", "Self-employed", "3", "Off sick from a job", "4", "Unemployed",
                    "5", "Not worked recently"), "referral", false),
    ENGAGED_DATE("engaged_date", "Engagement date", "The first current engagement milestone", Type.DATE, Map.of(),
            "milestone", false),
    JOB_START_DATE("job_start_date", "Job start date", "The first current job start milestone", Type.DATE, Map.of(),
            "milestone", false),
    JOB_RETENTION_DATE("job_retention_date", "Job retention date", "The first current job retention milestone",
            Type.DATE, Map.of(), "milestone", false),
    EXIT_DATE("exit_date", "Exit date", "The first current exit milestone", Type.DATE, Map.of(), "milestone", false),
    EXIT_REASON("exit_reason", "Exit reason", "The exit's coded reason as casework records it (never typed text)",
            Type.STRING, Map.of(), "milestone", false),
    TRIAL_ARM("trial_arm", "Trial arm", "The arm allocated at randomisation (the trial's arm code)", Type.STRING,
            Map.of(), "trial", true),
    ALLOCATION_DATE("allocation_date", "Allocation date", "The day the participant was randomised", Type.DATE,
            Map.of(), "trial", true),
    STRATA("strata", "Strata", "The stratification factor values recorded at randomisation, FACTOR=value;...",
            Type.STRING, Map.of(), "trial", true),
    IN_ERROR("randomised_in_error", "Randomised in error", "Marked as randomised in error (kept, for ITT analysis)",
            Type.INTEGER, codes("0", "No", "1", "Yes"), "trial", true),
    DROPPED_OUT_DATE("dropped_out_date", "Drop-out date", "The day the participant stopped the intervention",
            Type.DATE, Map.of(), "trial", true),
    FOLLOW_UPS("fu", "Follow-up outcomes", "For each follow-up point (week W after randomisation): status, date "
            + "assessed, in paid work, job started, hours per week, wellbeing score", Type.STRING, Map.of(), "trial",
            true);

    enum Type {
        STRING, INTEGER, DATE
    }

    private final String column;
    private final String label;
    private final String meaning;
    private final Type type;
    private final Map<String, String> codes;
    private final String source;
    private final boolean trialOnly;

    ExtractField(String column, String label, String meaning, Type type, Map<String, String> codes, String source,
            boolean trialOnly) {
        this.column = column;
        this.label = label;
        this.meaning = meaning;
        this.type = type;
        this.codes = codes;
        this.source = source;
        this.trialOnly = trialOnly;
    }

    String column() {
        return column;
    }

    public String label() {
        return label;
    }

    String meaning() {
        return meaning;
    }

    Type type() {
        return type;
    }

    Map<String, String> codes() {
        return codes;
    }

    String source() {
        return source;
    }

    boolean trialOnly() {
        return trialOnly;
    }

    /** The fields a commissioner may tick: all but the pseudonym, which every extract has. */
    static List<ExtractField> choosable() {
        return List.of(values()).subList(1, values().length);
    }

    static Map<String, String> codes(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static Map<String, String> ethnicGroups() {
        Map<String, String> map = new LinkedHashMap<>();
        List<String> groups = ReferralExtractSource.ethnicGroups();
        for (int i = 0; i < groups.size(); i++) {
            map.put(String.valueOf(i + 1), groups.get(i));
        }
        map.put("9", "Prefer not to say");
        return map;
    }

    /** The code of a label, or null (blank) when it is not one of the field's labels. */
    String codeOf(String label) {
        if (label == null) {
            return null;
        }
        for (Map.Entry<String, String> e : codes.entrySet()) {
            if (e.getValue().equalsIgnoreCase(label)) {
                return e.getKey();
            }
        }
        return null;
    }
}
