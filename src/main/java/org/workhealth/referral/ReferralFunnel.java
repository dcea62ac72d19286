package org.workhealth.referral;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.workhealth.milestone.MilestoneType;
import org.workhealth.milestone.Milestones;

/**
 * How many distinct referrals reached each stage of a programme in a period, per cohort: the
 * numbers behind the funnel page. The cohort is the referral's (chosen at triage, and the case's
 * from then on); referrals without one are counted under a null cohort. Counts only.
 */
@Service
public class ReferralFunnel {

    private final JdbcClient jdbc;
    private final Milestones milestones;

    ReferralFunnel(JdbcClient jdbc, Milestones milestones) {
        this.jdbc = jdbc;
        this.milestones = milestones;
    }

    /**
     * @param organisationIds the delivering organisations whose milestones count (a person's scope)
     * @param stages          the milestone types of each stage; a referral counts once per stage, however
     *                        many of its milestones fall in it
     * @return one count per stage and cohort that has any referrals, in one grouped query
     */
    public List<ReferralStageCount> count(long programmeId, Set<Long> organisationIds, LocalDate from,
            LocalDate to, List<Set<MilestoneType>> stages) {
        if (ReferralMilestoneQuery.nothingToCount(organisationIds, stages)) {
            return List.of();
        }
        ReferralMilestoneQuery query = new ReferralMilestoneQuery(
                milestones.referralStages(programmeId, organisationIds, from, to, stages), stages.size());
        String sql = "SELECT x.stage, x.cohort_id, COUNT(DISTINCT x.referral_id) AS n FROM (SELECT "
                + query.stageColumn + " AS stage, r.cohort_id, m.referral_id " + query.fromClause
                + ") x GROUP BY x.stage, x.cohort_id ORDER BY x.stage, x.cohort_id";
        return jdbc.sql(sql).params(query.params).query((rs, n) -> {
            long cohort = rs.getLong("cohort_id");
            Long cohortId = rs.wasNull() ? null : cohort;
            return new ReferralStageCount(rs.getInt("stage"), cohortId, rs.getLong("n"));
        }).list();
    }
}
