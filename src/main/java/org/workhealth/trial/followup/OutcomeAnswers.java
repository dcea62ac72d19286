package org.workhealth.trial.followup;

import java.time.LocalDate;

import org.springframework.validation.BindingResult;
import org.workhealth.govuk.DateAnswer;
import org.workhealth.govuk.TextAnswer;

/** Checks the outcome answers; every problem goes on its field, and the other answers are kept. */
final class OutcomeAnswers {

    private OutcomeAnswers() {
    }

    /** @return the outcome, or null when there are errors (then on {@code result}) */
    static Outcome outcome(OutcomeForm f, boolean correcting, LocalDate today, BindingResult errors) {
        if (correcting) {
            TextAnswer.required(errors, "correctionReason", f.correctionReason(),
                    "Enter why the recorded outcome is being corrected", "Reason for the correction", Outcome.REASON_MAX);
        }
        if ("LOST".equals(f.result())) {
            String reason = TextAnswer.required(errors, "lostReason", f.lostReason(),
                    "Enter why the outcome could not be collected", "Reason", Outcome.REASON_MAX);
            return errors.hasErrors() ? null : Outcome.lost(reason);
        }
        if (!"RECORDED".equals(f.result())) {
            errors.rejectValue("result", "required", "Select whether the outcome was collected or lost to follow-up");
            return null;
        }
        DateAnswer assessed = DateAnswer.parse("Date assessed", f.assessedOnDay(), f.assessedOnMonth(),
                f.assessedOnYear());
        if (!assessed.valid()) {
            errors.rejectValue("assessedOn", "invalid", assessed.error());
        } else if (assessed.date().isAfter(today)) {
            errors.rejectValue("assessedOn", "future", "Date assessed must be today or in the past");
        }
        Boolean inWork = "yes".equals(f.inPaidWork()) ? Boolean.TRUE : "no".equals(f.inPaidWork()) ? Boolean.FALSE
                : null;
        if (inWork == null) {
            errors.rejectValue("inPaidWork", "required", "Select whether they are in paid work");
        }
        LocalDate jobStart = null;
        if (DateAnswer.answered(f.jobStartedOnDay(), f.jobStartedOnMonth(), f.jobStartedOnYear())) {
            DateAnswer started = DateAnswer.parse("Job start date", f.jobStartedOnDay(), f.jobStartedOnMonth(),
                    f.jobStartedOnYear());
            if (!started.valid()) {
                errors.rejectValue("jobStartedOn", "invalid", started.error());
            } else if (assessed.valid() && started.date().isAfter(assessed.date())) {
                errors.rejectValue("jobStartedOn", "order", "Job start date must be on or before the date assessed");
            } else {
                jobStart = started.date();
            }
        }
        Integer hours = number(errors, "hoursPerWeek", f.hoursPerWeek(), 0, Outcome.HOURS_MAX,
                "Hours per week must be a whole number from 0 to " + Outcome.HOURS_MAX);
        if (hours == null && Boolean.TRUE.equals(inWork) && !errors.hasFieldErrors("hoursPerWeek")) {
            errors.rejectValue("hoursPerWeek", "required", "Enter the hours they work each week");
        }
        Integer wellbeing = number(errors, "wellbeingScore", f.wellbeingScore(), Outcome.WELLBEING_MIN,
                Outcome.WELLBEING_MAX, "Wellbeing score must be a whole number from " + Outcome.WELLBEING_MIN
                        + " to " + Outcome.WELLBEING_MAX);
        if (errors.hasErrors()) {
            return null;
        }
        return new Outcome(false, assessed.date(), inWork, jobStart, hours, wellbeing, null);
    }

    /** A whole number in range, or null when left blank (an error on the field when it is not one). */
    private static Integer number(BindingResult errors, String field, String value, int min, int max,
            String message) {
        String answer = clean(value);
        if (answer == null) {
            return null;
        }
        if (!answer.matches("\\d{1,3}") || Integer.parseInt(answer) < min || Integer.parseInt(answer) > max) {
            errors.rejectValue(field, "range", message);
            return null;
        }
        return Integer.valueOf(answer);
    }

    static String clean(String answer) {
        return answer == null || answer.isBlank() ? null : answer.strip();
    }
}
