package org.workhealth.employer.engagement;

import java.time.LocalDate;
import java.util.List;

/**
 * An engagement to record.
 *
 * @param employerIds the employers it was held with: one, or several for an engagement open to many
 * @param names       who attended, where known (personal data, optional)
 */
record NewEngagement(String title, EngagementKind kind, LocalDate heldOn, int attendees, boolean openToMany,
        List<Long> employerIds, List<String> names) {

    static final int TITLE_MAX = 160;
    static final int NAME_MAX = 100;
    static final int MAX_ATTENDEES = 100_000;
    static final int MAX_NAMES = 500;

    NewEngagement {
        employerIds = List.copyOf(employerIds);
        names = List.copyOf(names);
    }
}
