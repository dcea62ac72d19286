package org.workhealth.trial.consort;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.workhealth.milestone.MilestoneType;
import org.workhealth.organisation.AccessPolicy;
import org.workhealth.referral.ReferralFunnel;
import org.workhealth.referral.ReferralStageCount;
import org.workhealth.research.ResearchConsent;
import org.workhealth.research.ResearchConsents;
import org.workhealth.trial.Arm;
import org.workhealth.trial.internal.DropOuts;
import org.workhealth.trial.internal.InterventionReceipt;
import org.workhealth.trial.Trial;
import org.workhealth.trial.TrialUnit;

/** Counts a trial's CONSORT flow from the record: docs/trials.md says exactly what each box counts. */
@Service
public class Consort {

    private final ConsortRecord record;
    private final DropOuts dropOuts;
    private final ResearchConsents consents;
    private final ReferralFunnel funnel;
    private final AccessPolicy access;
    private final List<InterventionReceipt> receipts;
    private final Clock clock;

    Consort(ConsortRecord record, DropOuts dropOuts, ResearchConsents consents, ReferralFunnel funnel,
            AccessPolicy access, List<InterventionReceipt> receipts, Clock clock) {
        this.record = record;
        this.dropOuts = dropOuts;
        this.consents = consents;
        this.funnel = funnel;
        this.access = access;
        this.receipts = receipts;
        this.clock = clock;
    }

    /** The counts; the caller has checked the person may view the trial. */
    public ConsortCounts counts(Trial trial) {
        boolean employers = trial.unit() == TrialUnit.EMPLOYER;
        Map<String, Integer> excluded = record.exclusions(trial.id());
        List<ConsortRecord.Unit> units = record.allocations(trial.id());
        Integer lastWeek = trial.followUpWeeks().stream().max(Integer::compare).orElse(null);
        Map<Long, ConsortRecord.FinalPoint> finals = lastWeek == null ? Map.of()
                : record.finalPoints(trial.id(), lastWeek);
        Set<Long> droppedOut = dropOuts.forTrial(trial.id()).keySet();
        Map<Long, ResearchConsent> withdrawals = employers ? Map.of() : consents.withdrawals(trial.code());
        Optional<InterventionReceipt> receipt = receipts.stream().filter(r -> r.unit() == trial.unit()).findFirst();
        List<ArmFlow> arms = new ArrayList<>();
        for (Arm arm : trial.arms()) {
            List<ConsortRecord.Unit> inArm = units.stream().filter(u -> u.armCode().equals(arm.code())).toList();
            int received = inArm.size();
            if (!arm.control() && receipt.isPresent() && !inArm.isEmpty()) {
                Set<Long> got = receipt.get().received(trial, inArm.stream().map(ConsortRecord.Unit::unitId).toList());
                received = (int) inArm.stream().filter(u -> got.contains(u.unitId())).count();
            }
            arms.add(flow(arm, inArm, received, droppedOut, finals, withdrawals, lastWeek == null));
        }
        return new ConsortCounts(employers, employers ? null : referred(trial), excluded.getOrDefault("NOT_ELIGIBLE", 0),
                excluded.getOrDefault("DECLINED", 0), excluded.getOrDefault("OTHER", 0),
                Collections.unmodifiableList(arms), receipt.isPresent());
    }

    /**
     * Each unit lands in exactly one box after allocation, in this order: randomised in error, all data withdrawn
     * (both excluded from analysis); final point recorded with data usable (analysed); final point lost, or
     * withdrawn from further data before a usable final outcome (lost); otherwise follow-up not yet complete.
     */
    static ArmFlow flow(Arm arm, List<ConsortRecord.Unit> inArm, int received, Set<Long> droppedOut,
            Map<Long, ConsortRecord.FinalPoint> finals, Map<Long, ResearchConsent> withdrawals, boolean noFollowUp) {
        int discontinued = 0, lostFinal = 0, lostWithdrawn = 0, awaiting = 0, analysed = 0, inError = 0,
                dataWithdrawn = 0;
        for (ConsortRecord.Unit u : inArm) {
            if (droppedOut.contains(u.allocationId())) {
                discontinued++;
            }
            ResearchConsent consent = withdrawals.get(u.unitId());
            ConsortRecord.FinalPoint last = finals.get(u.allocationId());
            if (u.inError()) {
                inError++;
            } else if (consent != null && consent.noCollectedData()) {
                dataWithdrawn++;
            } else if (noFollowUp) {
                analysed++;
            } else if (last != null && "RECORDED".equals(last.status())
                    && (consent == null || consent.mayUseDataFrom(last.assessedOn()))) {
                analysed++;
            } else if (last != null && "LOST".equals(last.status())) {
                lostFinal++;
            } else if (consent != null && consent.noFurtherData()) {
                lostWithdrawn++;
            } else {
                awaiting++;
            }
        }
        return new ArmFlow(arm.code(), arm.name(), arm.control(), inArm.size(), received, discontinued, lostFinal,
                lostWithdrawn, awaiting, analysed, inError, dataWithdrawn);
    }

    /**
     * Referrals received by the programme, in the owning organisation's scope, from the start of recruitment to
     * its end (or today, if sooner): the referral module's own count.
     */
    private long referred(Trial trial) {
        LocalDate today = LocalDate.now(clock);
        LocalDate to = trial.recruitmentEnds().isAfter(today) ? today : trial.recruitmentEnds();
        if (to.isBefore(trial.recruitmentStarts())) {
            return 0;
        }
        return funnel.count(trial.programmeId(), access.scopeOf(trial.ownerOrganisationId()),
                trial.recruitmentStarts(), to, List.of(Set.of(MilestoneType.REFERRAL_RECEIVED))).stream()
                .mapToLong(ReferralStageCount::referrals).sum();
    }
}
