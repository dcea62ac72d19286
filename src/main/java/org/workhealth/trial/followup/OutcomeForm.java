package org.workhealth.trial.followup;

import java.time.LocalDate;

/**
 * The outcome as typed. {@code assessedOn} and {@code jobStartedOn} are never bound: they name the date inputs for
 * error messages.
 */
record OutcomeForm(String result, String assessedOn, String assessedOnDay, String assessedOnMonth,
        String assessedOnYear, String inPaidWork, String jobStartedOn, String jobStartedOnDay, String jobStartedOnMonth,
        String jobStartedOnYear, String hoursPerWeek, String wellbeingScore, String lostReason,
        String correctionReason) {

    static final String[] FIELDS = {"result", "assessedOnDay", "assessedOnMonth", "assessedOnYear", "inPaidWork",
            "jobStartedOnDay", "jobStartedOnMonth", "jobStartedOnYear", "hoursPerWeek", "wellbeingScore",
            "lostReason", "correctionReason"};

    static OutcomeForm blank() {
        return new OutcomeForm(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The recorded outcome, to correct. */
    static OutcomeForm of(FollowUpPoint p) {
        if (!p.recorded()) {
            return blank();
        }
        return new OutcomeForm(p.storedStatus(), null, day(p.assessedOn()), month(p.assessedOn()),
                year(p.assessedOn()), p.inPaidWork() == null ? null : p.inPaidWork() ? "yes" : "no", null,
                day(p.jobStartedOn()), month(p.jobStartedOn()), year(p.jobStartedOn()), text(p.hoursPerWeek()),
                text(p.wellbeingScore()), p.lostReason(), null);
    }

    private static String day(LocalDate d) {
        return d == null ? null : String.valueOf(d.getDayOfMonth());
    }

    private static String month(LocalDate d) {
        return d == null ? null : String.valueOf(d.getMonthValue());
    }

    private static String year(LocalDate d) {
        return d == null ? null : String.valueOf(d.getYear());
    }

    private static String text(Integer n) {
        return n == null ? null : String.valueOf(n);
    }
}
