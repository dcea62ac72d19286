package org.workhealth.performance;

import java.time.LocalDate;

import org.workhealth.calendar.Quarter;

/**
 * A KPI whose figures are entered by hand: its definition's id, code and name. A KPI counted from the record takes
 * figures only for the quarters before the record counted it ({@code countedFrom}): its baseline, shown as entered.
 */
record EnteredKpi(long id, long programmeId, String code, String name, LocalDate countedFrom) {

    EnteredKpi(long id, long programmeId, String code, String name) {
        this(id, programmeId, code, name, null);
    }

    /** Whether a figure may be entered for this quarter. */
    boolean takesFigureFor(Quarter quarter) {
        return countedFrom == null || quarter.start().isBefore(countedFrom);
    }
}
