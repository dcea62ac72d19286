package org.workhealth.referral;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.workhealth.milestone.MilestoneType;

/**
 * Equality monitoring: distinct referrals reaching each stage by age at referral, sex, ethnic group
 * and disability, from the answers on the referral. Aggregate only: one grouped query, and only
 * counts leave this module. Small counts are not hidden here; whoever shows them must (see the
 * performance module's equality page).
 */
@Service
public class ReferralEquality {

    public static final String AGE = "Age at referral";
    public static final String SEX = "Sex";
    public static final String ETHNICITY = "Ethnic group";
    public static final String DISABILITY = "Disability";
    static final String NOT_KNOWN = "Not known";
    static final List<String> AGE_BANDS = List.of("Under 16", "16 to 24", "25 to 34", "35 to 49", "50 to 64",
            "65 and over");

    /** Age in whole years on the day received, in SQL that runs on H2 and PostgreSQL alike. */
    private static final String AGE_AT_REFERRAL = """
            (EXTRACT(YEAR FROM r.received_at) - EXTRACT(YEAR FROM r.date_of_birth)
             - CASE WHEN EXTRACT(MONTH FROM r.received_at) * 100 + EXTRACT(DAY FROM r.received_at)
                         < EXTRACT(MONTH FROM r.date_of_birth) * 100 + EXTRACT(DAY FROM r.date_of_birth)
                    THEN 1 ELSE 0 END)""";

    private static final String AGE_BAND = """
            CASE WHEN %1$s < 16 THEN 0 WHEN %1$s < 25 THEN 1 WHEN %1$s < 35 THEN 2
                 WHEN %1$s < 50 THEN 3 WHEN %1$s < 65 THEN 4 ELSE 5 END""".formatted(AGE_AT_REFERRAL);

    private record Cell(int stage, int ageBand, String sex, String ethnicity, String disability, long count) {
    }

    private final JdbcClient jdbc;

    ReferralEquality(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param organisationIds the delivering organisations whose milestones count (a person's scope)
     * @param stages          the milestone types of each stage, like referrals, engagements and job outcomes
     * @return the four breakdowns: age at referral, sex, ethnic group and disability
     */
    public List<EqualityBreakdown> count(long programmeId, Set<Long> organisationIds, LocalDate from, LocalDate to,
            List<Set<MilestoneType>> stages) {
        List<Cell> cells = List.of();
        if (!ReferralMilestoneQuery.nothingToCount(organisationIds, stages)) {
            ReferralMilestoneQuery query = new ReferralMilestoneQuery(programmeId, organisationIds, from, to,
                    stages);
            // Every referral falls in exactly one cell per stage, so summing cells per group is exact.
            String sql = "SELECT x.stage, x.age_band, x.sex, x.ethnicity, x.disability, "
                    + "COUNT(DISTINCT x.referral_id) AS n FROM (SELECT " + query.stageColumn + " AS stage, "
                    + AGE_BAND + " AS age_band, r.sex, r.ethnicity, r.disability, m.referral_id "
                    + query.fromClause + ") x GROUP BY x.stage, x.age_band, x.sex, x.ethnicity, x.disability";
            cells = jdbc.sql(sql).params(query.params).query((rs, n) -> new Cell(rs.getInt("stage"),
                    rs.getInt("age_band"), rs.getString("sex"), rs.getString("ethnicity"),
                    rs.getString("disability"), rs.getLong("n"))).list();
        }
        int stageCount = stages.size();
        List<String> ageGroups = cells.stream().anyMatch(c -> c.ageBand() == 0) ? AGE_BANDS
                : AGE_BANDS.subList(1, AGE_BANDS.size());
        List<String> sexes = List.of("Female", "Male", "Prefer not to say", NOT_KNOWN);
        List<String> ethnicGroups = new ArrayList<>(ReferralChoices.ETHNIC_GROUPS.keySet());
        ethnicGroups.add("Prefer not to say");
        ethnicGroups.add(NOT_KNOWN);
        List<String> disabilities = List.of("Yes", "No", "Prefer not to say", NOT_KNOWN);
        return List.of(
                breakdown(AGE, ageGroups, cells, stageCount, c -> AGE_BANDS.get(c.ageBand())),
                breakdown(SEX, sexes, cells, stageCount, c -> answer(c.sex())),
                breakdown(ETHNICITY, ethnicGroups, cells, stageCount, c -> ethnicGroup(c.ethnicity())),
                breakdown(DISABILITY, disabilities, cells, stageCount, c -> answer(c.disability())));
    }

    private static EqualityBreakdown breakdown(String dimension, List<String> groups, List<Cell> cells,
            int stageCount, Function<Cell, String> groupOf) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        groups.forEach(g -> counts.put(g, new long[stageCount]));
        for (Cell cell : cells) {
            String group = groupOf.apply(cell);
            // An answer the form no longer offers still counts, under its own name.
            long[] row = counts.computeIfAbsent(group, g -> new long[stageCount]);
            row[cell.stage()] += cell.count();
        }
        List<EqualityBreakdown.Group> result = new ArrayList<>();
        counts.forEach((name, row) -> result.add(new EqualityBreakdown.Group(name,
                Arrays.stream(row).boxed().toList())));
        return new EqualityBreakdown(dimension, result);
    }

    private static String answer(String value) {
        return value == null || value.isBlank() ? NOT_KNOWN : ReferralChoices.label(value);
    }

    /** The form stores "Group: background"; the breakdown is by group. */
    private static String ethnicGroup(String value) {
        if (value == null || value.isBlank()) {
            return NOT_KNOWN;
        }
        int colon = value.indexOf(": ");
        return colon > 0 ? value.substring(0, colon) : ReferralChoices.label(value);
    }
}
