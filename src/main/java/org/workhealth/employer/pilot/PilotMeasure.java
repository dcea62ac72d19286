package org.workhealth.employer.pilot;

import java.math.BigDecimal;

import org.workhealth.calendar.Quarter;

/**
 * An outcome measure a pilot's provider reported for a quarter, such as "Participants reporting better resilience"
 * 68 %. One value per measure and quarter; reporting it again replaces it (the audit log keeps the old value).
 */
record PilotMeasure(long id, long pilotId, String measure, Quarter quarter, BigDecimal value, String unit) {

    static final int NAME_MAX = 120;
    static final int UNIT_MAX = 20;

    /** "68", "68.5 %", "12 people". */
    String valueText() {
        String number = value.stripTrailingZeros().toPlainString();
        return unit == null ? number : "%".equals(unit) ? number + "%" : number + " " + unit;
    }
}
