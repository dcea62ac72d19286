package org.workhealth.returns;

import org.workhealth.calendar.Quarter;

/** Where a return's pages are. */
final class ReturnPaths {

    private ReturnPaths() {
    }

    static String of(String programmeCode, Quarter quarter) {
        return "/returns/" + programmeCode + "/" + quarter.financialYear().startYear() + "/" + quarter.number();
    }
}
