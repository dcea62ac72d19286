package org.workhealth.employer.internal;

/** An employer's details, sites or contact changed. */
public record EmployerDetailsChanged(long employerId) {
}
