package org.workhealth.milestone;

import java.time.LocalDate;

/** A case's first current milestone of a type, as {@link Milestones#firstPerCase} finds it. */
public record FirstMilestone(long caseId, MilestoneType type, long milestoneId, Long contractId, LocalDate occurredOn) {
}
