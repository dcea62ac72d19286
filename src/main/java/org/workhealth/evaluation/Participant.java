package org.workhealth.evaluation;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.workhealth.milestone.MilestoneExtractSource;
import org.workhealth.referral.ReferralExtractSource;
import org.workhealth.trial.TrialExtractSource;

/**
 * One person's row as it is being written: what each module said about them, their pseudonym, and how their dates
 * leave (shifted or coarsened, and blank when after the period covered or after a withdrawal of further data).
 */
record Participant(ReferralExtractSource.Row referral, MilestoneExtractSource.Row milestones,
        TrialExtractSource.Participant trial, String pseudonym, String cohortCode, DateHandling handling,
        int shiftDays, LocalDate lastUsableDate) {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    /** A date as the agreement lets it leave, or blank. */
    String date(LocalDate date) {
        if (date == null || (lastUsableDate != null && date.isAfter(lastUsableDate))) {
            return "";
        }
        return switch (handling) {
            case EXACT -> date.toString();
            case SHIFTED -> date.plusDays(shiftDays).toString();
            case MONTH -> date.format(MONTH);
        };
    }

    /** Whether data dated {@code date} may be used at all (for values that are not dates, like a follow-up's). */
    boolean usable(LocalDate date) {
        return date == null || lastUsableDate == null || !date.isAfter(lastUsableDate);
    }
}
