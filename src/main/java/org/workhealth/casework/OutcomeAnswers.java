package org.workhealth.casework;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.workhealth.classification.SicSection;
import org.workhealth.govuk.Choices;
import org.workhealth.govuk.TextAnswer;

/**
 * The answers about an outcome, as recorded and as corrected: the same questions, rules and messages on both
 * pages, so a correction can never hold what recording would refuse.
 */
final class OutcomeAnswers {

    /** occurredOn is never bound: it names the date input for error messages. reason is only asked when correcting. */
    record OutcomeForm(String kind, LocalDate occurredOn, String occurredOnDay, String occurredOnMonth,
            String occurredOnYear, String employer, String jobTitle, String sector, String hoursAWeek,
            String contractType, String paid, String description, String evidence, String reason) {

        static OutcomeForm empty(String kind) {
            return new OutcomeForm(kind, null, null, null, null, null, null, null, null, null, null, null, null,
                    null);
        }

        /** The outcome as recorded, as answers to correct, asked as {@code kind}. */
        static OutcomeForm of(CaseOutcomes.Outcome o, OutcomeKind kind) {
            return new OutcomeForm(kind.name(), null, String.valueOf(o.occurredOn().getDayOfMonth()),
                    String.valueOf(o.occurredOn().getMonthValue()), String.valueOf(o.occurredOn().getYear()),
                    o.employer(), o.jobTitle(), o.sector() == null ? null : o.sector().name(),
                    o.hoursAWeek() == null ? null : o.hoursAWeek().stripTrailingZeros().toPlainString(),
                    o.contractType() == null ? null : o.contractType().name(),
                    o.paid() == null ? null : o.paid() ? "yes" : "no", o.description(), o.evidence(), null);
        }
    }

    /** Form fields a person may send when recording; correcting adds the reason. */
    static final String[] FIELDS = {"kind", "occurredOnDay", "occurredOnMonth", "occurredOnYear", "employer",
        "jobTitle", "sector", "hoursAWeek", "contractType", "paid", "description", "evidence"};

    static final int SHORT_TEXT = 200;
    static final int LONG_TEXT = 1000;

    private OutcomeAnswers() {
    }

    /** The kind asked for, when this case may record it: retention is only for people in work at referral. */
    static OutcomeKind offered(SupportCase supportCase, String kind) {
        OutcomeKind parsed = Choices.chosen(OutcomeKind.class, kind);
        if (parsed == OutcomeKind.JOB_RETENTION && !CaseOutcomes.inWorkAtReferral(supportCase)) {
            return null;
        }
        return parsed;
    }

    static List<OutcomeKind> kinds(SupportCase supportCase) {
        return Arrays.stream(OutcomeKind.values()).filter(k -> offered(supportCase, k.name()) != null).toList();
    }

    static CaseOutcomes.NewOutcome validate(SupportCase supportCase, OutcomeKind kind, OutcomeForm form,
            LocalDate today, BindingResult result) {
        String dateLabel = dateLegend(kind);
        LocalDate occurredOn = CaseDates.pastDate(result, "occurredOn", dateLabel, form.occurredOnDay(),
                form.occurredOnMonth(), form.occurredOnYear(), today, CaseDates.Earliest.caseOpened(supportCase));
        String employer = null;
        String jobTitle = null;
        SicSection sector = null;
        BigDecimal hours = null;
        JobContractType contractType = null;
        Boolean paid = null;
        String description = null;
        if (kind == OutcomeKind.JOB_START) {
            employer = TextAnswer.required(result, "employer", form.employer(), "Enter the employer", "Employer",
                    SHORT_TEXT);
            jobTitle = TextAnswer.required(result, "jobTitle", form.jobTitle(), "Enter the job title", "Job title",
                    SHORT_TEXT);
            sector = Choices.chosen(SicSection.class, form.sector());
            if (sector == null) {
                result.rejectValue("sector", "required", "Select the sector");
            }
            hours = hours(form.hoursAWeek(), result);
            contractType = Choices.chosen(JobContractType.class, form.contractType());
            if (contractType == null) {
                result.rejectValue("contractType", "required", "Select the type of contract");
            }
            paid = "yes".equals(form.paid()) ? Boolean.TRUE : "no".equals(form.paid()) ? Boolean.FALSE : null;
            if (paid == null) {
                result.rejectValue("paid", "required", "Select whether the work is paid");
            }
        } else if (kind != OutcomeKind.JOB_RETENTION) {
            String what = kind == OutcomeKind.EDUCATION_START ? "the course or training" : "the volunteering";
            description = TextAnswer.required(result, "description", form.description(), "Enter " + what,
                    "Description", SHORT_TEXT);
        }
        String evidence;
        if (kind == OutcomeKind.JOB_RETENTION) {
            evidence = TextAnswer.required(result, "evidence", form.evidence(),
                    "Enter the evidence that they are still in work", "Evidence", LONG_TEXT);
        } else {
            evidence = TextAnswer.optional(result, "evidence", form.evidence(), "Evidence", LONG_TEXT);
        }
        return new CaseOutcomes.NewOutcome(kind, occurredOn, employer, jobTitle, sector, hours, contractType, paid,
                description, evidence);
    }

    /** The questions' wording and options for {@code kind}, with the form's answers chosen. */
    static void questions(Model model, OutcomeKind kind, OutcomeForm form, boolean ips) {
        model.addAttribute("kind", kind == null ? null : kind.name());
        model.addAttribute("dateLegend", dateLegend(kind));
        model.addAttribute("descriptionLabel", kind == OutcomeKind.EDUCATION_START
                ? "Course or training, and who provides it" : "Organisation and volunteering role");
        model.addAttribute("sectorItems", Choices.select("Select a sector", Arrays.asList(SicSection.values()),
                Enum::name, SicSection::text, form.sector()));
        model.addAttribute("contractTypeItems", Choices.options(Arrays.asList(JobContractType.values()), Enum::name,
                JobContractType::label, null, single(form.contractType())));
        model.addAttribute("paidItems", Choices.options(List.of("yes", "no"), v -> v,
                v -> "yes".equals(v) ? "Yes" : "No", null, single(form.paid())));
        model.addAttribute("paidHint", ips ? Map.of("text", "On IPS programmes only paid work counts as a job start: "
                + "unpaid work is recorded but writes no job start milestone") : null);
    }

    /** "Job start", "Education or training start" as the middle of a sentence. */
    static String lower(OutcomeKind kind) {
        return kind.label().toLowerCase(Locale.UK);
    }

    /** What the outcome was: "Care assistant at Bury Care Homes; Human health…; 16 hours a week; …". */
    static String details(CaseOutcomes.Outcome o) {
        return switch (o.kind()) {
            case JOB_START -> o.jobTitle() + " at " + o.employer() + "; " + o.sector().text() + "; "
                    + o.hoursAWeek().stripTrailingZeros().toPlainString() + " hours a week; "
                    + o.contractType().label() + "; " + (Boolean.TRUE.equals(o.paid()) ? "paid" : "unpaid");
            case JOB_RETENTION -> "Still in work";
            default -> o.description();
        };
    }

    private static String dateLegend(OutcomeKind kind) {
        return kind == OutcomeKind.JOB_RETENTION ? "Date they were still in work" : "Start date";
    }

    private static BigDecimal hours(String value, BindingResult result) {
        String answer = TextAnswer.orNull(value);
        if (answer == null) {
            result.rejectValue("hoursAWeek", "required", "Enter the hours a week");
            return null;
        }
        try {
            BigDecimal hours = new BigDecimal(answer);
            if (hours.signum() <= 0 || hours.compareTo(BigDecimal.valueOf(100)) > 0 || hours.scale() > 1) {
                result.rejectValue("hoursAWeek", "range",
                        "Hours a week must be more than 0 and no more than 100, like 16 or 37.5");
                return null;
            }
            return hours;
        } catch (NumberFormatException e) {
            result.rejectValue("hoursAWeek", "number", "Hours a week must be a number, like 16 or 37.5");
            return null;
        }
    }

    static List<String> single(String value) {
        return value == null ? List.of() : List.of(value);
    }
}
