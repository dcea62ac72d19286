package org.workhealth.funding.internal;

import java.time.Instant;

/** A step in a claim's history: submitted, returned with a reason, or approved, by whom and when. */
public record ClaimEvent(String action, Instant at, String personName, long totalPence, String reason) {

    private static final java.time.format.DateTimeFormatter WHEN = java.time.format.DateTimeFormatter
            .ofPattern("d MMMM yyyy, h:mma", java.util.Locale.UK).withZone(java.time.ZoneId.of("Europe/London"));

    /** "3 January 2026, 2:15pm", in UK time. */
    public String when() {
        return WHEN.format(at).replace("AM", "am").replace("PM", "pm");
    }

    public String total() {
        return Money.format(totalPence);
    }
}
