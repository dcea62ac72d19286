package org.workhealth.trial.followup;

import java.time.LocalDate;

/**
 * What was found at a follow-up point, measured the same way in both arms: either the outcome (assessed on a
 * date) or lost to follow-up with the reason.
 */
public record Outcome(boolean lost, LocalDate assessedOn, Boolean inPaidWork, LocalDate jobStartedOn,
        Integer hoursPerWeek, Integer wellbeingScore, String lostReason) {

    /** SWEMWBS, the short Warwick-Edinburgh Mental Wellbeing Scale: 7 items scored 1 to 5, so 7 to 35. */
    public static final String SCALE = "SWEMWBS (Short Warwick-Edinburgh Mental Wellbeing Scale)";
    public static final int WELLBEING_MIN = 7;
    public static final int WELLBEING_MAX = 35;
    public static final int HOURS_MAX = 100;
    public static final int REASON_MAX = 500;

    static Outcome lost(String reason) {
        return new Outcome(true, null, null, null, null, null, reason);
    }
}
