package org.workhealth.referral;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.workhealth.milestone.MilestoneType;

/**
 * The shared part of the referral module's aggregate queries over milestones: the current (not
 * superseded) milestones of one programme, delivered by the given organisations, that occurred in a
 * date range, each joined to its referral and labelled with the position of the stage it belongs to.
 *
 * <p>Why the referral module reads the milestone table: these breakdowns need the referral's own
 * columns (cohort, date of birth, sex, ethnicity, disability), which are personal data that must not
 * leave this module row by row. So the counting is done here, in one grouped query, and only counts
 * leave. The milestone table is only read, with the same "current" rule as {@code Milestones}.
 */
final class ReferralMilestoneQuery {

    /** FROM and WHERE over {@code m} (milestone) and {@code r} (referral). */
    final String fromClause;
    final Map<String, Object> params = new LinkedHashMap<>();
    /** The SQL expression for the stage's position. */
    final String stageColumn;

    ReferralMilestoneQuery(long programmeId, Set<Long> organisationIds, LocalDate from, LocalDate to,
            List<Set<MilestoneType>> stages) {
        StringBuilder stage = new StringBuilder("CASE");
        Set<String> allTypes = new LinkedHashSet<>();
        for (int i = 0; i < stages.size(); i++) {
            List<String> types = stages.get(i).stream().map(Enum::name).sorted().toList();
            stage.append(" WHEN m.type IN (:stage").append(i).append(") THEN ").append(i);
            params.put("stage" + i, types);
            allTypes.addAll(types);
        }
        stage.append(" END");
        fromClause = """
                FROM milestone m JOIN referral r ON r.id = m.referral_id
                WHERE m.programme_id = :programmeId AND m.organisation_id IN (:organisations)
                  AND m.occurred_on >= :from AND m.occurred_on <= :to AND m.type IN (:types) AND m.withdrawn = FALSE
                  AND NOT EXISTS (SELECT 1 FROM milestone s WHERE s.supersedes_id = m.id)
                """;
        this.stageColumn = stage.toString();
        params.put("programmeId", programmeId);
        params.put("organisations", new ArrayList<>(organisationIds));
        params.put("from", Date.valueOf(from));
        params.put("to", Date.valueOf(to));
        params.put("types", new ArrayList<>(allTypes));
    }

    static boolean nothingToCount(Set<Long> organisationIds, List<Set<MilestoneType>> stages) {
        return organisationIds.isEmpty() || stages.isEmpty() || stages.stream().anyMatch(Set::isEmpty);
    }
}
