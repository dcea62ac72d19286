package org.workhealth.programme;

import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** Which provider delivers which programme for which commissioning organisation and area, from when to when. */
@Table("contract")
public record Contract(@Id Long id, String reference, Long programmeId, Long providerOrganisationId,
        Long commissionerOrganisationId, String area, LocalDate startsOn, LocalDate endsOn, Long valuePence,
        @Version Integer version) {

    public boolean liveOn(LocalDate date) {
        return !date.isBefore(startsOn) && !date.isAfter(endsOn);
    }
}
