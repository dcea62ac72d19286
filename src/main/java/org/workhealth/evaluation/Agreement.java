package org.workhealth.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A data sharing agreement, one version of it. Never changed once made (only marked superseded by the next version),
 * so that every extract names the terms it was made under.
 *
 * @param fields the {@link ExtractField} codes allowed, in dictionary order
 * @param dataFrom first day of the data covered (referrals received from)
 * @param startsOn first day the agreement is in force
 */
record Agreement(long id, long seriesId, int version, long ownerOrganisationId, long evaluatorOrganisationId,
        String title, String purpose, LegalBasis legalBasis, long programmeId, Long trialId, List<ExtractField> fields,
        LocalDate dataFrom, LocalDate dataTo, LocalDate startsOn, LocalDate endsOn, DateHandling dateHandling,
        int shiftDays, int smallCellThreshold, String keyEncrypted, long createdBy, Instant createdAt,
        Instant supersededAt) {

    public boolean inForceOn(LocalDate day) {
        return supersededAt == null && !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }

    public boolean superseded() {
        return supersededAt != null;
    }

    public boolean allows(ExtractField field) {
        return fields.contains(field);
    }
}
