package org.workhealth.employer;

/** An employer's details, sites or contact changed. */
public record EmployerDetailsChanged(long employerId) {
}
