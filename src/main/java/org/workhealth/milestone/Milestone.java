package org.workhealth.milestone;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A recorded milestone. {@code supersedesId} names the milestone this one corrects; a {@code withdrawn} one
 * withdraws that milestone, recorded in error, and never counts itself. {@code correctionReason} says why.
 */
public record Milestone(long id, MilestoneType type, Long caseId, Long referralId, long programmeId, Long contractId,
        long organisationId, LocalDate occurredOn, Map<String, String> attributes, Instant recordedAt,
        Long recordedBy, Long supersedesId, boolean withdrawn, String correctionReason) {

    public String attribute(String key) {
        return attributes.get(key);
    }
}
