package org.workhealth.casework;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import org.springframework.web.util.HtmlUtils;
import org.workhealth.casework.CaseDates.Earliest;
import org.workhealth.audit.AuditLog;
import org.workhealth.casework.OutcomeAnswers.OutcomeForm;
import org.workhealth.govuk.Choices;
import org.workhealth.govuk.DateAnswer;
import org.workhealth.milestone.PeriodLockedException;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;

/** A case's outcomes: recording job starts, retentions, education and volunteering, and sustainment checks. */
@Controller
class OutcomesController {

    /** checkedOn is never bound: it names the date input for error messages. */
    record CheckForm(String stillInWork, LocalDate checkedOn, String checkedOnDay, String checkedOnMonth,
            String checkedOnYear) {
    }

    /** @param correct the link to correct it, as markup, or empty when it can no longer be corrected */
    record OutcomeRow(String date, String outcome, String details, String milestone, String correct) {
    }

    record CheckRow(String job, String weeks, String due, String result) {
    }

    private final CaseAccess caseAccess;
    private final CaseOutcomes outcomes;
    private final OutcomeCorrections corrections;
    private final AuditLog audit;

    OutcomesController(CaseAccess caseAccess, CaseOutcomes outcomes, OutcomeCorrections corrections,
            AuditLog audit) {
        this.caseAccess = caseAccess;
        this.outcomes = outcomes;
        this.corrections = corrections;
        this.audit = audit;
    }

    @InitBinder("form")
    void allowOutcomeFields(WebDataBinder binder) {
        binder.setAllowedFields(OutcomeAnswers.FIELDS);
    }

    @InitBinder("checkForm")
    void allowCheckFields(WebDataBinder binder) {
        binder.setAllowedFields("stillInWork", "checkedOnDay", "checkedOnMonth", "checkedOnYear");
    }

    @GetMapping("/cases/{id}/outcomes")
    String show(CurrentUser user, @PathVariable long id, @RequestParam(required = false) String kind, Model model) {
        SupportCase supportCase = caseAccess.view(user, id, "case-outcomes");
        OutcomeKind chosen = OutcomeAnswers.offered(supportCase, kind);
        model.addAttribute("form", OutcomeForm.empty(chosen == null ? null : chosen.name()));
        model.addAttribute("checkForm", new CheckForm(null, null, null, null, null));
        return page(supportCase, chosen, model);
    }

    @PostMapping("/cases/{id}/outcomes")
    String record(CurrentUser user, @PathVariable long id, @ModelAttribute("form") OutcomeForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        SupportCase supportCase = caseAccess.change(user, id);
        OutcomeKind kind = OutcomeAnswers.offered(supportCase, form.kind());
        if (kind == null) {
            // Only reachable by a hand-made request, such as a retention on a case not in work at referral.
            return "redirect:/cases/" + id + "/outcomes";
        }
        CaseOutcomes.NewOutcome outcome = OutcomeAnswers.validate(supportCase, kind, form, outcomes.today(), result);
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
        LocalDate checkedOn = CaseDates.pastDate(result, "checkedOn", "Date of the check", form.checkedOnDay(),
                form.checkedOnMonth(), form.checkedOnYear(), outcomes.today(),
                new Earliest(check.dueOn(), "early", "when the check is due"));
        if (!"yes".equals(form.stillInWork()) && !"no".equals(form.stillInWork())) {
            result.rejectValue("stillInWork", "required", "Select whether they are still in work");
        }
        if (result.hasErrors()) {
            audit.recordView("case-outcomes", id, supportCase.organisationId());
            model.addAttribute("form", OutcomeForm.empty(null));
            return page(supportCase, null, model);
        }
        try {
            outcomes.recordCheck(user, supportCase, check, checkedOn, "yes".equals(form.stillInWork()));
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

    private String page(SupportCase supportCase, OutcomeKind kind, Model model) {
        OutcomeForm form = (OutcomeForm) model.getAttribute("form");
        CheckForm checkForm = (CheckForm) model.getAttribute("checkForm");
        boolean ips = outcomes.isIps(supportCase);
        List<CaseOutcomes.Check> checks = outcomes.checks(supportCase.id());
        Set<Long> withdrawn = corrections.withdrawn(supportCase.id());

        model.addAttribute("supportCase", supportCase);
        model.addAttribute("ips", ips);
        model.addAttribute("recordHeading", kind == null ? "Record an outcome" : recordText(kind));
        model.addAttribute("kindLinks", OutcomeAnswers.kinds(supportCase).stream()
                .map(k -> Map.of("href", "/cases/" + supportCase.id() + "/outcomes?kind=" + k.name() + "#record",
                        "text", recordText(k)))
                .toList());
        model.addAttribute("outcomeRows", outcomes.outcomes(supportCase.id()).stream()
                .map(o -> row(supportCase, o, withdrawn.contains(o.id()))).toList());
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
        OutcomeAnswers.questions(model, kind, form, ips);
        model.addAttribute("stillInWorkItems", Choices.options(List.of("yes", "no"), v -> v,
                v -> "yes".equals(v) ? "Yes, still in work" : "No, no longer in work", null,
                OutcomeAnswers.single(checkForm.stillInWork())));
        model.addAttribute("backLink", "/cases/" + supportCase.id());
        return "casework/outcomes";
    }

    /** "Record a job start", "Record an education or training start". */
    private static String recordText(OutcomeKind kind) {
        String what = OutcomeAnswers.lower(kind);
        return "Record " + ("aeiou".indexOf(what.charAt(0)) >= 0 ? "an " : "a ") + what;
    }

    private static OutcomeRow row(SupportCase supportCase, CaseOutcomes.Outcome o, boolean withdrawn) {
        String details = OutcomeAnswers.details(o);
        if (o.evidence() != null) {
            details = details + ". Evidence: " + o.evidence();
        }
        String milestone = withdrawn ? "Withdrawn" : o.milestoneId() != null ? "Recorded"
                : "Not counted: unpaid work does not count as a job start on an IPS programme";
        String date = DateAnswer.format(o.occurredOn());
        String correct = withdrawn ? "" : "<a class=\"govuk-link\" href=\"/cases/" + supportCase.id() + "/outcomes/"
                + o.id() + "/correct\">Correct<span class=\"govuk-visually-hidden\"> the "
                + HtmlUtils.htmlEscape(OutcomeAnswers.lower(o.kind()) + " of " + date) + "</span></a>";
        return new OutcomeRow(date, o.kind().label(), details, milestone, correct);
    }
}
