package org.workhealth.performance;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.workhealth.milestone.MilestoneType;

/**
 * The steps of the referral funnel, in order, and the milestones that mark each. Job starts and job retentions are
 * two figures, named for what they count: "Job start" is what WorkWell's "Job outcomes (job starts)" KPI counts, and
 * a retention (someone in work at referral who keeps their job) is shown beside it rather than hidden in it, so an
 * in-work cohort's funnel and KPI agree. Both convert from "Action plan agreed".
 */
enum FunnelStage {
    REFERRALS("Referrals", EnumSet.of(MilestoneType.REFERRAL_RECEIVED), null),
    ELIGIBLE("Eligible", EnumSet.of(MilestoneType.REFERRAL_ACCEPTED), REFERRALS),
    ENGAGED("Engaged", EnumSet.of(MilestoneType.ENGAGEMENT), ELIGIBLE),
    ACTION_PLAN("Action plan agreed", EnumSet.of(MilestoneType.ACTION_PLAN_AGREED), ENGAGED),
    JOB_START("Job start", EnumSet.of(MilestoneType.JOB_START), ACTION_PLAN),
    JOB_RETENTION("Job retention", EnumSet.of(MilestoneType.JOB_RETENTION), ACTION_PLAN);

    private final String label;
    private final Set<MilestoneType> types;
    private final FunnelStage from;

    FunnelStage(String label, Set<MilestoneType> types, FunnelStage from) {
        this.label = label;
        this.types = types;
        this.from = from;
    }

    String label() {
        return label;
    }

    /** The stage this one's conversion is a share of; null for the first. */
    FunnelStage from() {
        return from;
    }

    Set<MilestoneType> types() {
        return types;
    }

    static List<Set<MilestoneType>> typesInOrder(List<FunnelStage> stages) {
        return stages.stream().map(FunnelStage::types).toList();
    }
}
