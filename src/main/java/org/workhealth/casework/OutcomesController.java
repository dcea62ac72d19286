package org.workhealth.casework;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workhealth.audit.AuditLog;
import org.workhealth.govuk.Choices;
import org.workhealth.govuk.DateAnswer;
import org.workhealth.milestone.PeriodLockedException;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;

/** A case's outcomes: recording job starts, retentions, education and volunteering, and sustainment checks. */
@Controller
class OutcomesController {

    /** occurredOn is never bound: it names the date input for error messages. */
    record OutcomeForm(String kind, LocalDate occurredOn, String occurredOnDay, String occurredOnMonth,
            String occurredOnYear, String employer, String jobTitle, String sector, String hoursAWeek,
            String contractType, String paid, String description, String evidence) {

        static OutcomeForm empty(String kind) {
            return new OutcomeForm(kind, null, null, null, null, null, null, null, null, null, null, null, null);
        }
    }

    /** checkedOn is never bound: it names the date input for error messages. */
    record CheckForm(String stillInWork, LocalDate checkedOn, String checkedOnDay, String checkedOnMonth,
            String checkedOnYear) {
    }

    record OutcomeRow(String date, String outcome, String details, String milestone) {
    }

    record CheckRow(String job, String weeks, String due, String result) {
    }

    private static final int SHORT_TEXT = 200;
    private static final int LONG_TEXT = 1000;

    private final CaseAccess caseAccess;
    private final CaseOutcomes outcomes;
    private final AuditLog audit;

    OutcomesController(CaseAccess caseAccess, CaseOutcomes outcomes, AuditLog audit) {
        this.caseAccess = caseAccess;
        this.outcomes = outcomes;
        this.audit = audit;
    }

    @InitBinder("form")
    void allowOutcomeFields(WebDataBinder binder) {
        binder.setAllowedFields("kind", "occurredOnDay", "occurredOnMonth", "occurredOnYear", "employer", "jobTitle",
                "sector", "hoursAWeek", "contractType", "paid", "description", "evidence");
    }

    @InitBinder("checkForm")
    void allowCheckFields(WebDataBinder binder) {
        binder.setAllowedFields("stillInWork", "checkedOnDay", "checkedOnMonth", "checkedOnYear");
    }

    @GetMapping("/cases/{id}/outcomes")
    String show(CurrentUser user, @PathVariable long id, @RequestParam(required = false) String kind, Model model) {
        SupportCase supportCase = caseAccess.view(user, id, "case-outcomes");
        OutcomeKind chosen = offered(supportCase, kind);
        model.addAttribute("form", OutcomeForm.empty(chosen == null ? null : chosen.name()));
        model.addAttribute("checkForm", new CheckForm(null, null, null, null, null));
        return page(supportCase, chosen, model);
    }

    @PostMapping("/cases/{id}/outcomes")
    String record(CurrentUser user, @PathVariable long id, @ModelAttribute("form") OutcomeForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        SupportCase supportCase = caseAccess.change(user, id);
        OutcomeKind kind = offered(supportCase, form.kind());
        if (kind == null) {
            // Only reachable by a hand-made request, such as a retention on a case not in work at referral.
            return "redirect:/cases/" + id + "/outcomes";
        }
        CaseOutcomes.NewOutcome outcome = validate(supportCase, kind, form, result);
        if (result.hasErrors()) {
            audit.recordView("case-outcomes", id, supportCase.organisationId());
            model.addAttribute("checkForm", new CheckForm(null, null, null, null, null));
            return page(supportCase, kind, model);
        }
        CaseOutcomes.Recorded recorded;
        try {
            recorded = outcomes.record(user, supportCase, outcome);
        } catch (PeriodLockedException e) {
            // The outcome's milestone falls in a period whose return is approved: neither was saved.
            result.rejectValue("occurredOn", "locked", e.getMessage());
            audit.recordView("case-outcomes", id, supportCase.organisationId());
            model.addAttribute("checkForm", new CheckForm(null, null, null, null, null));
            return page(supportCase, kind, model);
        }
        redirect.addFlashAttribute("notice", recorded.notCountedReason() == null
                ? kind.label() + " recorded"
                : kind.label() + " recorded. " + recorded.notCountedReason());
        return "redirect:/cases/" + id + "/outcomes";
    }

    @PostMapping("/cases/{id}/outcomes/checks/{checkId}")
    String check(CurrentUser user, @PathVariable long id, @PathVariable long checkId,
            @ModelAttribute("checkForm") CheckForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        SupportCase supportCase = caseAccess.change(user, id);
        CaseOutcomes.Check check = outcomes.check(id, checkId).orElseThrow(OutOfScopeException::new);
        if (check.done()) {
            redirect.addFlashAttribute("notice", "This check had already been recorded");
            return "redirect:/cases/" + id + "/outcomes";
        }
        DateAnswer date = DateAnswer.parse("Date of the check", form.checkedOnDay(), form.checkedOnMonth(),
                form.checkedOnYear());
        if (!date.valid()) {
            result.rejectValue("checkedOn", "invalid", date.error());
        } else if (date.date().isAfter(outcomes.today())) {
            result.rejectValue("checkedOn", "future", "Date of the check must be today or in the past");
        } else if (date.date().isBefore(check.dueOn())) {
            result.rejectValue("checkedOn", "early", "Date of the check must be on or after "
                    + DateAnswer.format(check.dueOn()) + ", when the check is due");
        }
        if (!"yes".equals(form.stillInWork()) && !"no".equals(form.stillInWork())) {
            result.rejectValue("stillInWork", "required", "Select whether they are still in work");
        }
        if (result.hasErrors()) {
            audit.recordView("case-outcomes", id, supportCase.organisationId());
            model.addAttribute("form", OutcomeForm.empty(null));
            return page(supportCase, null, model);
        }
        try {
            outcomes.recordCheck(user, supportCase, check, date.date(), "yes".equals(form.stillInWork()));
        } catch (PeriodLockedException e) {
            // The sustainment milestone is dated the day the check fell due, which is in a locked period.
            result.rejectValue("checkedOn", "locked", e.getMessage());
            audit.recordView("case-outcomes", id, supportCase.organisationId());
            model.addAttribute("form", OutcomeForm.empty(null));
            return page(supportCase, null, model);
        }
        redirect.addFlashAttribute("notice", check.weeks() + "-week sustainment check recorded");
        return "redirect:/cases/" + id + "/outcomes";
    }

    /** The kind asked for, when this case may record it: retention is only for people in work at referral. */
    private static OutcomeKind offered(SupportCase supportCase, String kind) {
        OutcomeKind parsed = parse(OutcomeKind.class, kind);
        if (parsed == OutcomeKind.JOB_RETENTION && !CaseOutcomes.inWorkAtReferral(supportCase)) {
            return null;
        }
        return parsed;
    }

    private CaseOutcomes.NewOutcome validate(SupportCase supportCase, OutcomeKind kind, OutcomeForm form,
            BindingResult result) {
        String dateLabel = kind == OutcomeKind.JOB_RETENTION ? "Date they were still in work" : "Start date";
        DateAnswer date = DateAnswer.parse(dateLabel, form.occurredOnDay(), form.occurredOnMonth(),
                form.occurredOnYear());
        if (!date.valid()) {
            result.rejectValue("occurredOn", "invalid", date.error());
        } else if (date.date().isAfter(outcomes.today())) {
            result.rejectValue("occurredOn", "future", dateLabel + " must be today or in the past");
        } else if (date.date().isBefore(supportCase.openedOn())) {
            result.rejectValue("occurredOn", "beforeCase", dateLabel + " must be on or after "
                    + DateAnswer.format(supportCase.openedOn()) + ", when the case opened");
        }
        String employer = null;
        String jobTitle = null;
        SicSection sector = null;
        BigDecimal hours = null;
        JobContractType contractType = null;
        Boolean paid = null;
        String description = null;
        if (kind == OutcomeKind.JOB_START) {
            employer = text(form.employer(), "employer", "Enter the employer", "Employer", SHORT_TEXT, result);
            jobTitle = text(form.jobTitle(), "jobTitle", "Enter the job title", "Job title", SHORT_TEXT, result);
            sector = parse(SicSection.class, form.sector());
            if (sector == null) {
                result.rejectValue("sector", "required", "Select the sector");
            }
            hours = hours(form.hoursAWeek(), result);
            contractType = parse(JobContractType.class, form.contractType());
            if (contractType == null) {
                result.rejectValue("contractType", "required", "Select the type of contract");
            }
            paid = "yes".equals(form.paid()) ? Boolean.TRUE : "no".equals(form.paid()) ? Boolean.FALSE : null;
            if (paid == null) {
                result.rejectValue("paid", "required", "Select whether the work is paid");
            }
        } else if (kind != OutcomeKind.JOB_RETENTION) {
            String what = kind == OutcomeKind.EDUCATION_START ? "the course or training" : "the volunteering";
            description = text(form.description(), "description", "Enter " + what, "Description", SHORT_TEXT,
                    result);
        }
        String evidence;
        if (kind == OutcomeKind.JOB_RETENTION) {
            evidence = text(form.evidence(), "evidence", "Enter the evidence that they are still in work",
                    "Evidence", LONG_TEXT, result);
        } else {
            evidence = blankToNull(form.evidence());
            if (evidence != null && evidence.length() > LONG_TEXT) {
                result.rejectValue("evidence", "tooLong", "Evidence must be " + LONG_TEXT + " characters or fewer");
            }
        }
        return new CaseOutcomes.NewOutcome(kind, date.date(), employer, jobTitle, sector, hours, contractType, paid,
                description, evidence);
    }

    private static String text(String value, String field, String missing, String label, int max,
            BindingResult result) {
        String answer = blankToNull(value);
        if (answer == null) {
            result.rejectValue(field, "required", missing);
        } else if (answer.length() > max) {
            result.rejectValue(field, "tooLong", label + " must be " + max + " characters or fewer");
        }
        return answer;
    }

    private static BigDecimal hours(String value, BindingResult result) {
        String answer = blankToNull(value);
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

    private String page(SupportCase supportCase, OutcomeKind kind, Model model) {
        OutcomeForm form = (OutcomeForm) model.getAttribute("form");
        CheckForm checkForm = (CheckForm) model.getAttribute("checkForm");
        boolean ips = outcomes.isIps(supportCase);
        boolean inWork = CaseOutcomes.inWorkAtReferral(supportCase);
        List<OutcomeKind> kinds = Arrays.stream(OutcomeKind.values())
                .filter(k -> k != OutcomeKind.JOB_RETENTION || inWork).toList();
        List<CaseOutcomes.Check> checks = outcomes.checks(supportCase.id());

        model.addAttribute("supportCase", supportCase);
        model.addAttribute("ips", ips);
        model.addAttribute("inWork", inWork);
        model.addAttribute("kind", kind == null ? null : kind.name());
        model.addAttribute("recordHeading", kind == null ? "Record an outcome" : recordText(kind));
        model.addAttribute("kindLinks", kinds.stream()
                .map(k -> Map.of("href", "/cases/" + supportCase.id() + "/outcomes?kind=" + k.name() + "#record",
                        "text", recordText(k)))
                .toList());
        model.addAttribute("dateLegend", kind == OutcomeKind.JOB_RETENTION ? "Date they were still in work"
                : "Start date");
        model.addAttribute("descriptionLabel", kind == OutcomeKind.EDUCATION_START
                ? "Course or training, and who provides it" : "Organisation and volunteering role");
        model.addAttribute("outcomeRows", outcomes.outcomes(supportCase.id()).stream().map(this::row).toList());
        model.addAttribute("checkRows", checks.stream().map(c -> new CheckRow(
                c.employer() == null ? "" : c.employer(), c.weeks() + " weeks", DateAnswer.format(c.dueOn()),
                !c.done() ? "Not checked yet"
                        : (Boolean.TRUE.equals(c.stillInWork()) ? "Still in work" : "No longer in work")
                                + " on " + DateAnswer.format(c.checkedOn())))
                .toList());
        CaseOutcomes.Check next = checks.stream().filter(c -> !c.done()).findFirst().orElse(null);
        model.addAttribute("nextCheck", next);
        model.addAttribute("nextCheckTitle", next == null ? null : next.weeks() + "-week check for the job with "
                + next.employer() + ", due " + DateAnswer.format(next.dueOn()));
        model.addAttribute("nextCheckDue", next != null && !next.dueOn().isAfter(outcomes.today()));
        model.addAttribute("sectorItems", Choices.select("Select a sector", Arrays.asList(SicSection.values()),
                Enum::name, SicSection::text, form.sector()));
        model.addAttribute("contractTypeItems", Choices.options(Arrays.asList(JobContractType.values()), Enum::name,
                JobContractType::label, null, single(form.contractType())));
        model.addAttribute("paidItems", Choices.options(List.of("yes", "no"), v -> v,
                v -> "yes".equals(v) ? "Yes" : "No", null, single(form.paid())));
        model.addAttribute("stillInWorkItems", Choices.options(List.of("yes", "no"), v -> v,
                v -> "yes".equals(v) ? "Yes, still in work" : "No, no longer in work", null,
                single(checkForm.stillInWork())));
        model.addAttribute("paidHint", ips ? Map.of("text", "On IPS programmes only paid work counts as a job start: "
                + "unpaid work is recorded but writes no job start milestone") : null);
        model.addAttribute("backLink", "/cases/" + supportCase.id());
        return "casework/outcomes";
    }

    /** "Record a job start", "Record an education or training start". */
    private static String recordText(OutcomeKind kind) {
        String what = kind.label().toLowerCase(java.util.Locale.UK);
        return "Record " + ("aeiou".indexOf(what.charAt(0)) >= 0 ? "an " : "a ") + what;
    }

    private OutcomeRow row(CaseOutcomes.Outcome o) {
        String details = switch (o.kind()) {
            case JOB_START -> o.jobTitle() + " at " + o.employer() + "; " + o.sector().text() + "; "
                    + o.hoursAWeek().stripTrailingZeros().toPlainString() + " hours a week; "
                    + o.contractType().label() + "; " + (Boolean.TRUE.equals(o.paid()) ? "paid" : "unpaid");
            case JOB_RETENTION -> "Still in work";
            default -> o.description();
        };
        if (o.evidence() != null) {
            details = details + ". Evidence: " + o.evidence();
        }
        String milestone = o.milestoneId() != null ? "Recorded"
                : "Not counted: unpaid work does not count as a job start on an IPS programme";
        return new OutcomeRow(DateAnswer.format(o.occurredOn()), o.kind().label(), details, milestone);
    }

    private static List<String> single(String value) {
        return value == null ? List.of() : List.of(value);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String answer) {
        if (answer == null || answer.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, answer.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
