package org.workhealth.casework;

import java.time.LocalDate;

import org.springframework.validation.BindingResult;
import org.workhealth.govuk.DateAnswer;

/**
 * The date questions of case pages: what happened on a case is a real date, today or earlier, and usually no
 * earlier than the day the case opened or the step it follows. One place, so every page words these errors alike.
 */
final class CaseDates {

    /** The earliest an answer may be: its error's code, and why, as in "…, when the case opened". */
    record Earliest(LocalDate on, String code, String why) {

        static Earliest caseOpened(SupportCase supportCase) {
            return new Earliest(supportCase.openedOn(), "beforeCase", "when the case opened");
        }
    }

    private CaseDates() {
    }

    /**
     * The date answered, or null when it is rejected into {@code result} under {@code field}.
     *
     * @param label what the date is, starting its error messages, like "Date of the review"
     * @param earliest null when any date up to today will do
     */
    static LocalDate pastDate(BindingResult result, String field, String label, String day, String month,
            String year, LocalDate today, Earliest earliest) {
        DateAnswer answer = DateAnswer.parse(label, day, month, year);
        if (!answer.valid()) {
            result.rejectValue(field, "invalid", answer.error());
        } else if (answer.date().isAfter(today)) {
            result.rejectValue(field, "future", label + " must be today or in the past");
        } else if (earliest != null && answer.date().isBefore(earliest.on())) {
            result.rejectValue(field, earliest.code(), label + " must be on or after "
                    + DateAnswer.format(earliest.on()) + ", " + earliest.why());
        } else {
            return answer.date();
        }
        return null;
    }
}
