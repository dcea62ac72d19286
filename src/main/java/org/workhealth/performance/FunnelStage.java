package org.workhealth.performance;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.workhealth.milestone.MilestoneType;

/** The steps of the referral funnel, in order, and the milestones that mark each. */
enum FunnelStage {
    REFERRALS("Referrals", EnumSet.of(MilestoneType.REFERRAL_RECEIVED)),
    ELIGIBLE("Eligible", EnumSet.of(MilestoneType.REFERRAL_ACCEPTED)),
    ENGAGED("Engaged", EnumSet.of(MilestoneType.ENGAGEMENT)),
    ACTION_PLAN("Action plan agreed", EnumSet.of(MilestoneType.ACTION_PLAN_AGREED)),
    JOB_OUTCOME("Job outcome", EnumSet.of(MilestoneType.JOB_START, MilestoneType.JOB_RETENTION));

    private final String label;
    private final Set<MilestoneType> types;

    FunnelStage(String label, Set<MilestoneType> types) {
        this.label = label;
        this.types = types;
    }

    String label() {
        return label;
    }

    Set<MilestoneType> types() {
        return types;
    }

    static List<Set<MilestoneType>> typesInOrder(List<FunnelStage> stages) {
        return stages.stream().map(FunnelStage::types).toList();
    }
}
