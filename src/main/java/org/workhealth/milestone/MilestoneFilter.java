package org.workhealth.milestone;

import java.time.LocalDate;
import java.util.Set;

/**
 * Which current milestones to find; every part left null matches everything.
 *
 * @param organisationIds the delivering organisations to include (for example a person's scope)
 * @param from            first day of {@code occurred_on}, inclusive
 * @param to              last day of {@code occurred_on}, inclusive
 */
public record MilestoneFilter(Long caseId, Long referralId, Long programmeId, Long contractId,
        Set<Long> organisationIds, MilestoneType type, LocalDate from, LocalDate to) {

    public static MilestoneFilter forCase(long caseId) {
        return new MilestoneFilter(caseId, null, null, null, null, null, null, null);
    }

    public static MilestoneFilter forReferral(long referralId) {
        return new MilestoneFilter(null, referralId, null, null, null, null, null, null);
    }

    public static MilestoneFilter forContract(long contractId, MilestoneType type, LocalDate from, LocalDate to) {
        return new MilestoneFilter(null, null, null, contractId, null, type, from, to);
    }
}
