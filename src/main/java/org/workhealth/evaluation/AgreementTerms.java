package org.workhealth.evaluation;

import java.time.LocalDate;
import java.util.List;

/** What a commissioner agrees, checked: everything of an {@link Agreement} but its identity and key. */
record AgreementTerms(long evaluatorOrganisationId, String title, String purpose, LegalBasis legalBasis,
        long programmeId, Long trialId, List<ExtractField> fields, LocalDate dataFrom, LocalDate dataTo,
        LocalDate startsOn, LocalDate endsOn, DateHandling dateHandling, int shiftDays, int smallCellThreshold) {
}
