package org.workhealth.trial.employer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.employer.Employer;
import org.workhealth.employer.Employers;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.Role;
import org.workhealth.trial.internal.Allocation;
import org.workhealth.trial.internal.AllocationMethod;
import org.workhealth.trial.Arm;
import org.workhealth.trial.internal.StratificationFactor;
import org.workhealth.trial.Trial;
import org.workhealth.trial.internal.TrialDesign;
import org.workhealth.trial.TrialUnit;
import org.workhealth.trial.Trials;

/**
 * The Wellbeing Premium demo trial (seed §5): 148 SMEs randomised 1:1 by permuted blocks within size band and
 * sector, 44 of whom dropped out (so 104 continue), a two-instalment grant plan, and some instalments paid through
 * Thrive at Work's funding agreement. Made through the same services as the pages use.
 */
@Component
public class SmeTrialExamples {

    public static final String CODE = "WP-SME-2026";

    private static final DropOutReason[] REASONS = {DropOutReason.NO_LONGER_WISHES, DropOutReason.CEASED_TRADING,
        DropOutReason.CONDITIONS_NOT_MET, DropOutReason.NOT_CONTACTABLE};

    private final Trials trials;
    private final SmeTrials smeTrials;
    private final SmeGrants grants;
    private final Employers employers;

    SmeTrialExamples(Trials trials, SmeTrials smeTrials, SmeGrants grants, Employers employers) {
        this.trials = trials;
        this.smeTrials = smeTrials;
        this.grants = grants;
        this.employers = employers;
    }

    /** An employer trial of the programme, recruiting from 30 days ago for a year, 1:1, strata size band and sector. */
    public Trial trial(long programmeId, long ownerOrganisationId, String code, String title, int target) {
        return trial(programmeId, ownerOrganisationId, code, title, target,
                List.of(StratificationFactor.SIZE_BAND, StratificationFactor.SECTOR));
    }

    public Trial trial(long programmeId, long ownerOrganisationId, String code, String title, int target,
            List<StratificationFactor> factors) {
        LocalDate today = LocalDate.now();
        return trials.createUnchecked(new TrialDesign(programmeId, code, title, TrialUnit.EMPLOYER,
                AllocationMethod.PERMUTED_BLOCKS, List.of(new Arm("GRANT", "Wellbeing Premium grant", 1, false),
                        new Arm("USUAL", "Usual support", 1, true)),
                factors, List.of(1, 2), 0.8,
                today.minusDays(30), today.plusYears(1), target, EnumSet.of(Role.COMMISSIONER, Role.EVALUATOR),
                "Usual Thrive at Work support; no grant", List.of(26, 52)), ownerOrganisationId);
    }

    /** The demo trial, on the employer programme, with its SMEs (all randomised) and grants. */
    @Transactional
    public Trial wellbeingPremium(CurrentUser commissioner, long programmeId, long hubId, List<Long> smeIds,
            long fundingAgreementId) {
        Trial trial = trial(programmeId, hubId, CODE, "Wellbeing Premium trial of SMEs", 148);
        grants.addInstalment(commissioner, trial, fundingAgreementId, 100_000, "On signing the grant agreement");
        grants.addInstalment(commissioner, trial, null, 150_000, "On evidence of the wellbeing activity");
        trial = trials.find(trial.id()).orElseThrow();
        List<Allocation> allocations = new ArrayList<>();
        List<Employer> smes = employers.findAll(smeIds);
        for (Employer sme : smes) {
            allocations.add(smeTrials.randomise(commissioner, trial, sme, "Managing director"));
        }
        trial = trials.find(trial.id()).orElseThrow();
        LocalDate today = LocalDate.now();
        int paid = 0;
        for (int i = 0; i < allocations.size(); i++) {
            Allocation a = allocations.get(i);
            Employer sme = smes.get(i);
            boolean treatment = !trial.arm(a.armCode()).control();
            // 44 of 148 drop out: every third SME among the first 132, with the reasons in turn.
            boolean dropsOut = i % 3 == 1 && i < 3 * 44;
            if (treatment && paid < 30 && !dropsOut) {
                grants.conditionMet(commissioner, trial, a, 1, "GA-" + (1000 + i), today);
                grants.pay(commissioner, trial, a, sme, 1);
                if (paid < 8) {
                    grants.conditionMet(commissioner, trial, a, 2, "WA-" + (2000 + i), today);
                }
                paid++;
            }
            if (dropsOut) {
                grants.dropOut(commissioner, trial, a, new SmeDropOut(today, REASONS[i % REASONS.length], null));
            }
        }
        return trial;
    }
}
