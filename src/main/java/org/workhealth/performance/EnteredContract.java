package org.workhealth.performance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.workhealth.calendar.FinancialYear;
import org.workhealth.calendar.Quarter;

/** A contract of a programme with KPIs entered by hand, as the figures pages show it. */
record EnteredContract(long id, String reference, long programmeId, String programmeCode,
        String programmeName, long providerOrganisationId, String providerName, long commissionerOrganisationId,
        LocalDate startsOn, LocalDate endsOn) {

    /** The financial years the contract runs in, earliest first. */
    List<FinancialYear> years() {
        List<FinancialYear> years = new ArrayList<>();
        for (FinancialYear y = FinancialYear.containing(startsOn); !y.start().isAfter(endsOn); y = y.next()) {
            years.add(y);
        }
        return years;
    }

    boolean runsIn(FinancialYear year) {
        return !year.start().isAfter(endsOn) && !year.end().isBefore(startsOn);
    }

    boolean runsIn(Quarter quarter) {
        return !quarter.start().isAfter(endsOn) && !quarter.end().isBefore(startsOn);
    }

    /** The year to open by default: the one today falls in, or the nearest end of the contract. */
    FinancialYear yearFor(LocalDate today) {
        if (today.isBefore(startsOn)) {
            return FinancialYear.containing(startsOn);
        }
        return FinancialYear.containing(today.isAfter(endsOn) ? endsOn : today);
    }
}
