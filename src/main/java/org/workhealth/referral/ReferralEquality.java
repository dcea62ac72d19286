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
import org.workhealth.milestone.Milestones;
import org.workhealth.referral.internal.ReferralCodes;

/**
 * Equality monitoring: distinct referrals reaching each stage by age at referral, sex, ethnic group,
 * disability (from the answers on the referral) and area deprivation (the IMD decile of the referral's postcode in
 * {@link PostcodeDeprivation}'s lookup). Aggregate only: one grouped query, and only
 * counts leave this module. Small counts are not hidden here; whoever shows them must (see the
 * performance module's equality page).
 */
@Service
public class ReferralEquality {

    public static final String AGE = "Age at referral";
    public static final String SEX = "Sex";
    public static final String ETHNICITY = "Ethnic group";
    public static final String DISABILITY = "Disability";
    public static final String AREA = "Area deprivation";
    static final String NOT_KNOWN = "Not known";
    static final List<String> AGE_BANDS = List.of("Under 16", "16 to 24", "25 to 34", "35 to 49", "50 to 64",
            "65 and over");

    /** Age in whole years on the day received, in SQL that runs on H2 and PostgreSQL alike. */
    private static final String AGE_AT_REFERRAL = """
            (EXTRACT(YEAR FROM r.received_at) - EXTRACT(YEAR FROM r.date_of_birth)
             - CASE WHEN EXTRACT(MONTH FROM r.received_at) * 100 + EXTRACT(DAY FROM r.received_at)
                         < EXTRACT(MONTH FROM r.date_of_birth) * 100 + EXTRACT(DAY FROM r.date_of_birth)
                    THEN 1 ELSE 0 END)""";

    static final String AGE_BAND = """
            CASE WHEN %1$s < 16 THEN 0 WHEN %1$s < 25 THEN 1 WHEN %1$s < 35 THEN 2
                 WHEN %1$s < 50 THEN 3 WHEN %1$s < 65 THEN 4 ELSE 5 END""".formatted(AGE_AT_REFERRAL);

    /**
     * IMD deciles in pairs (quintiles of areas): all ten would leave most cells of a programme's year under 5 and
     * hidden, and pairs are how deprivation is usually reported.
     */
    static final List<String> AREA_GROUPS = List.of("1 to 2 (most deprived)", "3 to 4", "5 to 6", "7 to 8",
            "9 to 10 (least deprived)", NOT_KNOWN);

    /** The decile of the referral's postcode from the lookup, null when the lookup does not have it. */
    private static final String DECILE = "(SELECT d.imd_decile FROM postcode_deprivation d WHERE d.postcode = r.postcode)";

    private record Cell(int stage, int ageBand, String sex, String ethnicity, String disability, Integer decile,
            long count) {
    }

    private final JdbcClient jdbc;
    private final Milestones milestones;

    ReferralEquality(JdbcClient jdbc, Milestones milestones) {
        this.jdbc = jdbc;
        this.milestones = milestones;
    }

    /**
     * @param organisationIds the delivering organisations whose milestones count (a person's scope)
     * @param stages          the milestone types of each stage, like referrals, engagements and job outcomes
     * @return the five breakdowns: age at referral, sex, ethnic group, disability and area deprivation
     */
    public List<EqualityBreakdown> count(long programmeId, Set<Long> organisationIds, LocalDate from, LocalDate to,
            List<Set<MilestoneType>> stages) {
        List<Cell> cells = List.of();
        if (!ReferralMilestoneQuery.nothingToCount(organisationIds, stages)) {
            ReferralMilestoneQuery query = new ReferralMilestoneQuery(
                    milestones.referralStages(programmeId, organisationIds, from, to, stages), stages.size());
            // Every referral falls in exactly one cell per stage, so summing cells per group is exact.
            String sql = "SELECT x.stage, x.age_band, x.sex, x.ethnicity, x.disability, x.decile, "
                    + "COUNT(DISTINCT x.referral_id) AS n FROM (SELECT " + query.stageColumn + " AS stage, "
                    + AGE_BAND + " AS age_band, r.sex, r.ethnicity, r.disability, " + DECILE + " AS decile, "
                    + "m.referral_id " + query.fromClause
                    + ") x GROUP BY x.stage, x.age_band, x.sex, x.ethnicity, x.disability, x.decile";
            cells = jdbc.sql(sql).params(query.params).query(ReferralEquality::cell).list();
        }
        return breakdowns(cells, stages.size());
    }

    /**
     * The same five breakdowns for given sets of referrals, such as a trial's randomised referrals and those in
     * each arm: one count per set ("column"). Set-based: one grouped query per 500 referrals, and only counts leave.
     *
     * @param columns each column's referral ids; a referral may be in several columns
     */
    public List<EqualityBreakdown> countReferrals(List<? extends java.util.Collection<Long>> columns) {
        Map<Long, List<Integer>> columnsOf = new LinkedHashMap<>();
        for (int c = 0; c < columns.size(); c++) {
            for (Long id : columns.get(c)) {
                columnsOf.computeIfAbsent(id, k -> new ArrayList<>()).add(c);
            }
        }
        List<Long> ids = new ArrayList<>(columnsOf.keySet());
        List<Cell> cells = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += 500) {
            String sql = "SELECT r.id AS referral_id, " + AGE_BAND + " AS age_band, r.sex, r.ethnicity, r.disability, "
                    + DECILE + " AS decile FROM referral r WHERE r.id IN (:ids)";
            jdbc.sql(sql).param("ids", ids.subList(from, Math.min(ids.size(), from + 500))).query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                Integer decile = (Integer) rs.getObject("decile", Integer.class);
                for (int column : columnsOf.get(rs.getLong("referral_id"))) {
                    cells.add(new Cell(column, rs.getInt("age_band"), rs.getString("sex"), rs.getString("ethnicity"),
                            rs.getString("disability"), decile, 1));
                }
            });
        }
        return breakdowns(cells, columns.size());
    }

    private static Cell cell(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Cell(rs.getInt("stage"), rs.getInt("age_band"), rs.getString("sex"), rs.getString("ethnicity"),
                rs.getString("disability"), (Integer) rs.getObject("decile", Integer.class), rs.getLong("n"));
    }

    private static List<EqualityBreakdown> breakdowns(List<Cell> cells, int stageCount) {
        List<String> ageGroups = cells.stream().anyMatch(c -> c.ageBand() == 0) ? AGE_BANDS
                : AGE_BANDS.subList(1, AGE_BANDS.size());
        List<String> sexes = List.of("Female", "Male", "Prefer not to say", NOT_KNOWN);
        List<String> ethnicGroups = new ArrayList<>(ReferralCodes.ETHNIC_GROUPS.keySet());
        ethnicGroups.add("Prefer not to say");
        ethnicGroups.add(NOT_KNOWN);
        List<String> disabilities = List.of("Yes", "No", "Prefer not to say", NOT_KNOWN);
        return List.of(
                breakdown(AGE, ageGroups, cells, stageCount, c -> AGE_BANDS.get(c.ageBand())),
                breakdown(SEX, sexes, cells, stageCount, c -> answer(c.sex())),
                breakdown(ETHNICITY, ethnicGroups, cells, stageCount, c -> ethnicGroup(c.ethnicity())),
                breakdown(DISABILITY, disabilities, cells, stageCount, c -> answer(c.disability())),
                breakdown(AREA, AREA_GROUPS, cells, stageCount, c -> area(c.decile())));
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

    private static String area(Integer decile) {
        return decile == null ? NOT_KNOWN : AREA_GROUPS.get((decile - 1) / 2);
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
