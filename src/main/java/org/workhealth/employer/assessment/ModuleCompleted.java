package org.workhealth.employer.assessment;

import java.time.LocalDate;

/** Every criterion of a module was met: progress that counts without accreditation. */
public record ModuleCompleted(long employerId, long hubOrganisationId, String moduleCode, LocalDate on) {
}
