package org.workhealth.milestone;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A milestone to record, or the correction of one.
 *
 * @param caseId         the case, once there is one
 * @param referralId     the referral it came from, if any
 * @param contractId     the contract it counts towards, when there is a live one
 * @param organisationId the organisation that delivers the support
 * @param attributes     what the figures split by, like {@code employment_status} and {@code in_work}; keys and
 *                       values may not contain {@code ;} or {@code =}
 * @param recordedBy     the person recording it, or null when the service records it on its own
 */
public record NewMilestone(MilestoneType type, Long caseId, Long referralId, long programmeId, Long contractId,
        long organisationId, LocalDate occurredOn, Map<String, String> attributes, Long recordedBy) {

    public NewMilestone {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredOn, "occurredOn");
        // Kept in the order given, so that the stored text reads the same way every time.
        attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }
}
