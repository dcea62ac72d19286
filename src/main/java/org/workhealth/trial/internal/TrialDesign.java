package org.workhealth.trial.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.workhealth.organisation.Role;
import org.workhealth.trial.Arm;
import org.workhealth.trial.TrialUnit;

/** The answers that set up (or change, before it is locked) a trial. */
public record TrialDesign(long programmeId, String code, String title, TrialUnit unit, AllocationMethod method,
        List<Arm> arms, List<StratificationFactor> factors, List<Integer> blockMultipliers,
        double minimisationProbability, LocalDate recruitmentStarts, LocalDate recruitmentEnds,
        int recruitmentTarget, Set<Role> allocationViewers, String controlAction, List<Integer> followUpWeeks) {
}
