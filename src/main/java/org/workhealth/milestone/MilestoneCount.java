package org.workhealth.milestone;

import java.time.LocalDate;

/**
 * One group of {@link Milestones#count}.
 *
 * @param contractId  null for milestones recorded when no contract was live
 * @param periodStart the first day of the month, when counted by month; otherwise null
 */
public record MilestoneCount(MilestoneType type, Long contractId, LocalDate periodStart, long count) {
}
