package org.workhealth.employer.internal;

import java.time.LocalDate;

/**
 * An employer's sign-up was confirmed: that is when it counts as a sign-up (a pending or declined one does not).
 * {@code signedUpOn} is the day the employer asked to join.
 */
public record EmployerSignedUp(long employerId, long hubOrganisationId, LocalDate signedUpOn, SignUpSource source) {
}
