package org.workhealth.performance;

import java.util.Collection;
import java.util.List;

import org.workhealth.calendar.Quarter;

/**
 * Pilot projects a programme runs beside its KPIs (Thrive at Work's procured pilots), summarised for the programme's
 * section of the board report. The performance module defines what it shows; the module that keeps the pilots
 * implements it, so performance never reads another module's tables. With no implementation the section is empty.
 */
public interface PilotSummaries {

    /**
     * The programme's pilots run by organisations in {@code organisationIds} (the reader's scope) that had begun by
     * the end of the quarter, with their sessions and attendees to its end and the outcome measures reported for it.
     */
    List<PilotSummary> forProgramme(long programmeId, Collection<Long> organisationIds, Quarter quarter);
}
