package org.workhealth.employer;

import org.workhealth.classification.SicSection;
import org.workhealth.employer.internal.EmployerStatus;
import org.workhealth.employer.internal.SignUpSource;

import java.time.LocalDate;

/** An employer taking part in (or asking to join) Thrive at Work, without its contact's personal details. */
public record Employer(long id, long hubOrganisationId, String name, String companiesHouseNumber, String sicSection,
        SizeBand sizeBand, int employees, EmployerStatus status, SignUpSource source, String sourceDetail,
        LocalDate signedUpOn, LocalDate confirmedOn, Long advisorId, Long frameworkVersionId,
        boolean listedOnRegister) {

    public boolean confirmed() {
        return status == EmployerStatus.CONFIRMED;
    }

    public boolean pending() {
        return status == EmployerStatus.PENDING;
    }

    /** The sector's label, for pages. */
    public String sectorLabel() {
        return SicSection.fromCode(sicSection).map(SicSection::label).orElse(sicSection);
    }
}
