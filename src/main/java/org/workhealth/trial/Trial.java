package org.workhealth.trial;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.workhealth.organisation.Role;
import org.workhealth.trial.internal.AllocationMethod;
import org.workhealth.trial.internal.StratificationFactor;

/**
 * A trial's design as set up by a commissioner. Once the first unit is randomised it is locked ({@code lockedAt}):
 * a design that changed part-way would make the allocations before and after incomparable.
 */
public record Trial(long id, long programmeId, long ownerOrganisationId, String code, String title, TrialUnit unit,
        AllocationMethod method, List<Arm> arms, List<StratificationFactor> factors, List<Integer> blockMultipliers,
        double minimisationProbability, LocalDate recruitmentStarts, LocalDate recruitmentEnds, int recruitmentTarget,
        Set<Role> allocationViewers, String controlAction, List<Integer> followUpWeeks, Instant lockedAt,
        Instant seedExportedAt) {

    public boolean locked() {
        return lockedAt != null;
    }

    /** Open for randomisation on a date: within the recruitment dates. */
    public boolean recruitingOn(LocalDate date) {
        return !date.isBefore(recruitmentStarts) && !date.isAfter(recruitmentEnds);
    }

    public String ratio() {
        return String.join(":", arms.stream().map(a -> String.valueOf(a.weight())).toList());
    }

    public Arm arm(String code) {
        return arms.stream().filter(a -> a.code().equals(code)).findFirst().orElseThrow();
    }

    public List<Integer> blockSizes() {
        int sum = arms.stream().mapToInt(Arm::weight).sum();
        return blockMultipliers.stream().map(m -> m * sum).toList();
    }
}
