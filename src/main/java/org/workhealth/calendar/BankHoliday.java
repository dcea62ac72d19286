package org.workhealth.calendar;

import java.time.LocalDate;

/** One England and Wales bank holiday, named as GOV.UK names it ("Christmas Day"). */
record BankHoliday(LocalDate date, String title) {
}
