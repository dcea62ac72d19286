package org.workhealth.funding;

import org.workhealth.calendar.FinancialYear;
import org.workhealth.calendar.Quarter;

/** The addresses of the funding pages, in one place so that pages and redirects agree. */
final class FundingPaths {

    private FundingPaths() {
    }

    static String agreement(long id) {
        return "/funding/agreements/" + id;
    }

    static String year(long id, FinancialYear year) {
        return agreement(id) + "/years/" + year.startYear();
    }

    static String claim(long id, Quarter quarter) {
        return agreement(id) + "/claims/" + quarter.financialYear().startYear() + "/" + quarter.number();
    }

    static String expenditure(long id, Quarter quarter) {
        return claim(id, quarter) + "/expenditure";
    }
}
