package org.workhealth.subjectaccess;

import java.time.LocalDate;

/** One referral found for a subject access request: a person as one referral knows them. */
public record Subject(long referralId, String reference, String fullName, LocalDate dateOfBirth, String nhsNumber,
        LocalDate receivedOn, String status) {
}
