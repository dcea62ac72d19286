package org.workhealth.subjectaccess;

import java.time.LocalDate;

/** Who to look for: an NHS number (10 digits, spaces removed), or a surname with a date of birth. */
public record SubjectQuery(String nhsNumber, String lastName, LocalDate dateOfBirth) {

    public boolean byNhsNumber() {
        return nhsNumber != null;
    }
}
