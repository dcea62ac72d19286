package org.workhealth.employer.framework;

import java.time.LocalDate;

/**
 * One version of the framework run by a hub. {@code demonstration} says its criteria were written for the demo,
 * which every page showing them says.
 */
public record FrameworkVersion(long id, long hubOrganisationId, String name, boolean modular, VersionStatus status,
        Long basedOnId, boolean demonstration, Long createdBy, LocalDate publishedOn) {

    public boolean published() {
        return status == VersionStatus.PUBLISHED;
    }
}
