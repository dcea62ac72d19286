package org.workhealth.funding;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as GOV.UK style writes them: 1 April 2026. */
final class Dates {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private Dates() {
    }

    static String format(LocalDate date) {
        return date == null ? "" : FORMAT.format(date);
    }
}
