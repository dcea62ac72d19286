package org.workhealth.casework;

import java.time.LocalDate;

/** Who a case is about, as the referral recorded them. */
public record CaseSubject(String fullName, LocalDate dateOfBirth) {
}
