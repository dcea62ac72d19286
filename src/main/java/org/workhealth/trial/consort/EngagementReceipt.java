package org.workhealth.trial.consort;

import java.util.Collection;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.workhealth.milestone.MilestoneType;
import org.workhealth.milestone.Milestones;
import org.workhealth.trial.internal.InterventionReceipt;
import org.workhealth.trial.Trial;
import org.workhealth.trial.TrialUnit;

/**
 * A participant received the intervention when a case was opened on the programme and they engaged: the casework
 * module records that as a current ENGAGEMENT milestone on the referral (the first attended one-to-one).
 */
@Component
class EngagementReceipt implements InterventionReceipt {

    private final Milestones milestones;

    EngagementReceipt(Milestones milestones) {
        this.milestones = milestones;
    }

    @Override
    public TrialUnit unit() {
        return TrialUnit.PARTICIPANT;
    }

    @Override
    public Set<Long> received(Trial trial, Collection<Long> unitIds) {
        return milestones.referralsWith(MilestoneType.ENGAGEMENT, unitIds);
    }
}
