package org.workhealth.employer.internal;

/** The employer's main contact: personal data of that person, shown only on audited pages. */
public record EmployerContact(String name, String email, String phone) {
}
