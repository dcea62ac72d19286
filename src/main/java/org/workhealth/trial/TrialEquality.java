package org.workhealth.trial;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.workhealth.milestone.MilestoneType;
import org.workhealth.milestone.Milestones;
import org.workhealth.referral.EqualityBreakdown;
import org.workhealth.referral.ReferralEquality;
import org.workhealth.trial.internal.Allocation;
import org.workhealth.trial.internal.TrialRepository;

/**
 * A participant trial's equality report: the referrals randomised, allocated to each arm, receiving the intervention
 * and starting a job, by age, sex, ethnic group, disability and area deprivation. Counts only; the characteristics
 * are read by the referral module from the trial's referral ids, a few set-based queries whatever the trial's size.
 * An allocation marked in error stays in the counts, as it does everywhere else (it was made, and analysis is by the
 * arm allocated).
 */
@Service
class TrialEquality {

    /** The columns and each column's breakdown counts. */
    record Report(List<String> columns, List<EqualityBreakdown> breakdowns) {
    }

    private final TrialRepository trials;
    private final ReferralEquality equality;
    private final Milestones milestones;
    private final JdbcClient jdbc;

    TrialEquality(TrialRepository trials, ReferralEquality equality, Milestones milestones, JdbcClient jdbc) {
        this.trials = trials;
        this.equality = equality;
        this.milestones = milestones;
        this.jdbc = jdbc;
    }

    Report report(Trial trial) {
        if (trial.unit() != TrialUnit.PARTICIPANT) {
            throw new IllegalArgumentException("The equality report is for participant trials");
        }
        List<Allocation> allocations = trials.allocations(trial.id());
        Set<Long> randomised = new HashSet<>();
        allocations.forEach(a -> randomised.add(a.unitId()));
        Set<Long> treatment = new HashSet<>();
        allocations.stream().filter(a -> !trial.arm(a.armCode()).control()).forEach(a -> treatment.add(a.unitId()));
        // Received the intervention: engaged with the programme's support after being allocated to a treatment arm.
        Set<Long> received = milestones.referralsWith(MilestoneType.ENGAGEMENT, treatment);
        Set<Long> started = new HashSet<>(milestones.referralsWith(MilestoneType.JOB_START, randomised));
        started.addAll(inWorkAtFollowUp(trial.id()));

        List<String> columns = new ArrayList<>(List.of("Randomised"));
        List<Set<Long>> sets = new ArrayList<>(List.of(randomised));
        for (Arm arm : trial.arms()) {
            columns.add("Allocated to " + arm.name());
            sets.add(unitsIn(allocations, arm));
        }
        columns.add("Received the intervention");
        sets.add(received);
        for (Arm arm : trial.arms()) {
            columns.add("Job start, " + arm.name());
            Set<Long> inArm = unitsIn(allocations, arm);
            inArm.retainAll(started);
            sets.add(inArm);
        }
        return new Report(columns, equality.countReferrals(sets));
    }

    private static Set<Long> unitsIn(List<Allocation> allocations, Arm arm) {
        Set<Long> units = new HashSet<>();
        allocations.stream().filter(a -> a.armCode().equals(arm.code())).forEach(a -> units.add(a.unitId()));
        return units;
    }

    /** Units whose follow-up recorded a job start or being in paid work: how the control arm's outcomes are known. */
    private Set<Long> inWorkAtFollowUp(long trialId) {
        return new HashSet<>(jdbc.sql("""
                SELECT DISTINCT a.unit_id FROM trial_follow_up f JOIN trial_allocation a ON a.id = f.allocation_id
                WHERE a.trial_id = ? AND f.status = 'RECORDED'
                  AND (f.job_started_on IS NOT NULL OR f.in_paid_work = TRUE)""").param(trialId)
                .query(Long.class).list());
    }
}
