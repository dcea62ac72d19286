package org.workhealth.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.validation.BindingResult;
import org.workhealth.govuk.Choices;
import org.workhealth.govuk.DateAnswer;
import org.workhealth.govuk.TextAnswer;

/** Checks the agreement answers against the choices offered; every problem goes on its field. */
final class AgreementAnswers {

    /** What the page offered: ids to names, so an answer outside them (an edited form) is refused. */
    record Offered(Map<Long, String> evaluators, Map<Long, String> programmes, Map<Long, Long> trialProgrammes) {
    }

    private AgreementAnswers() {
    }

    /** @return the terms, or null when there are errors (then on {@code result}) */
    static AgreementTerms terms(AgreementForm f, Offered offered, BindingResult result) {
        Long evaluator = id(f.evaluator());
        if (evaluator == null || !offered.evaluators().containsKey(evaluator)) {
            result.rejectValue("evaluator", "required", "Select the evaluator's organisation");
        }
        String title = TextAnswer.required(result, "title", f.title(), "Enter a name for the agreement", "Name", 200);
        String purpose = TextAnswer.required(result, "purpose", f.purpose(), "Enter the purpose of the data sharing", "Purpose",
                500);
        LegalBasis basis = Choices.chosen(LegalBasis.class, f.legalBasis());
        if (basis == null) {
            result.rejectValue("legalBasis", "required", "Select the legal basis");
        }
        Long programme = id(f.programme());
        if (programme == null || !offered.programmes().containsKey(programme)) {
            result.rejectValue("programme", "required", "Select the programme the agreement covers");
            programme = null;
        }
        Long trial = null;
        if (f.trial() != null && !f.trial().isBlank()) {
            trial = id(f.trial());
            if (trial == null || !offered.trialProgrammes().containsKey(trial)) {
                result.rejectValue("trial", "invalid", "Select a trial from the list, or no trial");
                trial = null;
            } else if (programme != null && !offered.trialProgrammes().get(trial).equals(programme)) {
                result.rejectValue("trial", "programme", "Select a trial of the programme chosen, or no trial");
                trial = null;
            }
        }
        List<ExtractField> fields = new ArrayList<>();
        for (String answer : f.fieldsOrEmpty()) {
            ExtractField field = Choices.chosen(ExtractField.class, answer);
            if (field == null || field == ExtractField.PSEUDONYM) {
                result.rejectValue("fields", "invalid", "Select fields from the list");
                break;
            }
            if (field.trialOnly() && trial == null && !result.hasFieldErrors("trial")) {
                result.rejectValue("fields", "trial", "Select a trial, or only fields that are not about a trial");
                break;
            }
            if (!fields.contains(field)) {
                fields.add(field);
            }
        }
        if (fields.isEmpty() && !result.hasFieldErrors("fields")) {
            result.rejectValue("fields", "required", "Select at least one field");
        }
        DateAnswer dataFrom = date(result, "dataFrom", "Start of the data covered", f.dataFromDay(),
                f.dataFromMonth(), f.dataFromYear());
        DateAnswer dataTo = date(result, "dataTo", "End of the data covered", f.dataToDay(), f.dataToMonth(),
                f.dataToYear());
        if (dataFrom.valid() && dataTo.valid() && dataTo.date().isBefore(dataFrom.date())) {
            result.rejectValue("dataTo", "order", "End of the data covered must be on or after its start");
        }
        DateAnswer startsOn = date(result, "startsOn", "Agreement start date", f.startsOnDay(), f.startsOnMonth(),
                f.startsOnYear());
        DateAnswer endsOn = date(result, "endsOn", "Agreement end date", f.endsOnDay(), f.endsOnMonth(),
                f.endsOnYear());
        if (startsOn.valid() && endsOn.valid() && endsOn.date().isBefore(startsOn.date())) {
            result.rejectValue("endsOn", "order", "Agreement end date must be on or after its start date");
        }
        DateHandling handling = Choices.chosen(DateHandling.class, f.dateHandling());
        if (handling == null) {
            result.rejectValue("dateHandling", "required", "Select how dates are given");
        }
        int shift = 0;
        if (handling == DateHandling.SHIFTED) {
            Integer n = number(f.shiftDays(), 1, 365);
            if (n == null) {
                result.rejectValue("shiftDays", "invalid",
                        "Enter the largest shift in days, a whole number from 1 to 365");
            } else {
                shift = n;
            }
        }
        Integer threshold = number(f.threshold(), 5, 100);
        if (threshold == null) {
            result.rejectValue("threshold", "invalid",
                    "Enter the small-cell threshold, a whole number from 5 to 100");
        }
        if (result.hasErrors()) {
            return null;
        }
        return new AgreementTerms(evaluator, title, purpose, basis, programme, trial,
                fields.stream().sorted().toList(), dataFrom.date(), dataTo.date(), startsOn.date(), endsOn.date(),
                handling, shift, threshold);
    }

    private static DateAnswer date(BindingResult result, String field, String label, String d, String m, String y) {
        DateAnswer answer = DateAnswer.parse(label, d, m, y);
        if (!answer.valid()) {
            result.rejectValue(field, "invalid", answer.error());
        }
        return answer;
    }

    private static Long id(String answer) {
        return answer != null && answer.strip().matches("\\d{1,18}") ? Long.valueOf(answer.strip()) : null;
    }

    private static Integer number(String answer, int min, int max) {
        if (answer == null || !answer.strip().matches("\\d{1,4}")) {
            return null;
        }
        int n = Integer.parseInt(answer.strip());
        return n < min || n > max ? null : n;
    }
}
