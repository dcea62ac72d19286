package org.workhealth.employer.engagement;

import java.time.LocalDate;

/** A recorded engagement, as lists show it: the employers' names joined, or how many when it was open to many. */
record Engagement(long id, long hubOrganisationId, LocalDate heldOn, EngagementKind kind, String title,
        boolean openToMany, int attendees, int employers, String employerNames) {
}
