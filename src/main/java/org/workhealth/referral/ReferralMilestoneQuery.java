package org.workhealth.referral;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.workhealth.milestone.MilestoneType;
import org.workhealth.milestone.ReferralStage;

/**
 * The shared part of the referral module's aggregate queries over milestones: the referrals that reached each stage
 * (as the milestone module finds them, from its current milestones of one programme, delivered by the given
 * organisations, in a date range), each joined to its referral and labelled with the position of its stage.
 *
 * <p>Why the counting is done here: these breakdowns need the referral's own columns (cohort, date of birth, sex,
 * ethnicity, disability), which are personal data that must not leave this module row by row. So the milestone
 * module hands over referral ids only, and the counting is done here in one grouped query; only counts leave. The
 * ids of each stage go in as one array parameter, so however many referrals there are the query has one parameter
 * per stage.
 */
final class ReferralMilestoneQuery {

    /** FROM over {@code m} (a referral's stage: {@code m.stage}, {@code m.referral_id}) and {@code r} (referral). */
    final String fromClause;
    final Map<String, Object> params = new LinkedHashMap<>();
    /** The SQL expression for the stage's position. */
    final String stageColumn = "m.stage";

    /**
     * @param reached    the referrals at each stage, from {@code Milestones.referralStages}
     * @param stageCount how many stages were asked for
     */
    ReferralMilestoneQuery(List<ReferralStage> reached, int stageCount) {
        List<List<Long>> byStage = new ArrayList<>();
        for (int i = 0; i < stageCount; i++) {
            byStage.add(new ArrayList<>());
        }
        reached.forEach(r -> byStage.get(r.stage()).add(r.referralId()));
        StringBuilder stages = new StringBuilder();
        for (int i = 0; i < stageCount; i++) {
            stages.append(i == 0 ? "" : " UNION ALL ").append("SELECT ").append(i).append(" AS stage, s").append(i)
                    .append(".id AS referral_id FROM referral s").append(i).append(" WHERE s").append(i)
                    .append(".id = ANY(:stage").append(i).append(')');
            params.put("stage" + i, byStage.get(i).toArray(new Long[0]));
        }
        fromClause = "FROM (" + stages + ") m JOIN referral r ON r.id = m.referral_id\n";
    }

    static boolean nothingToCount(Set<Long> organisationIds, List<Set<MilestoneType>> stages) {
        return organisationIds.isEmpty() || stages.isEmpty() || stages.stream().anyMatch(Set::isEmpty);
    }
}
