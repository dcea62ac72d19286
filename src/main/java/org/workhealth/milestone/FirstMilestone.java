package org.workhealth.milestone;

import java.time.LocalDate;
import java.util.Map;

/**
 * A case's first current milestone of a type, as {@link Milestones#firstPerCase} finds it, with its attributes (such
 * as an exit's {@code reason}), so that no module reads them from the database itself.
 */
public record FirstMilestone(long caseId, MilestoneType type, long milestoneId, Long contractId, LocalDate occurredOn,
        Map<String, String> attributes) {

    public FirstMilestone {
        attributes = attributes == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
    }

    /** A first milestone without attributes. */
    public FirstMilestone(long caseId, MilestoneType type, long milestoneId, Long contractId, LocalDate occurredOn) {
        this(caseId, type, milestoneId, contractId, occurredOn, Map.of());
    }

    public String attribute(String key) {
        return attributes.get(key);
    }
}
