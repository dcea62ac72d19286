package org.workhealth.casework;

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
import org.workhealth.casework.OutcomeAnswers.OutcomeForm;
import org.workhealth.govuk.DateAnswer;
import org.workhealth.milestone.Milestones;
import org.workhealth.milestone.PeriodLockedException;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;

/**
 * Correcting a recorded outcome: its employer and job details, its date, or its kind when it was recorded as the
 * wrong kind of outcome. The same questions as recording it, answered already, with a reason; then check answers
 * showing each old and new value; then the correction (see {@link OutcomeCorrections}).
 */
@Controller
class OutcomeCorrectionController {

    private final CaseAccess caseAccess;
    private final CaseOutcomes outcomes;
    private final OutcomeCorrections corrections;
    private final AuditLog audit;

    OutcomeCorrectionController(CaseAccess caseAccess, CaseOutcomes outcomes, OutcomeCorrections corrections,
            AuditLog audit) {
        this.caseAccess = caseAccess;
        this.outcomes = outcomes;
        this.corrections = corrections;
        this.audit = audit;
    }

    @InitBinder("form")
    void allowFields(WebDataBinder binder) {
        String[] fields = java.util.Arrays.copyOf(OutcomeAnswers.FIELDS, OutcomeAnswers.FIELDS.length + 1);
        fields[fields.length - 1] = "reason";
        binder.setAllowedFields(fields);
    }

    /** {@code kind} asks the questions of another kind of outcome, for one recorded as the wrong kind. */
    @GetMapping("/cases/{id}/outcomes/{outcomeId}/correct")
    String question(CurrentUser user, @PathVariable long id, @PathVariable long outcomeId,
            @RequestParam(required = false) String kind, Model model) {
        SupportCase supportCase = caseAccess.view(user, id, "case-outcome");
        CaseOutcomes.Outcome outcome = correctable(supportCase, outcomeId);
        OutcomeKind asked = OutcomeAnswers.offered(supportCase, kind);
        model.addAttribute("form", OutcomeForm.of(outcome, asked == null ? outcome.kind() : asked));
        return question(supportCase, outcome, model);
    }

    @PostMapping("/cases/{id}/outcomes/{outcomeId}/correct")
    String check(CurrentUser user, @PathVariable long id, @PathVariable long outcomeId,
            @ModelAttribute("form") OutcomeForm form, BindingResult result, Model model) {
        SupportCase supportCase = caseAccess.change(user, id);
        CaseOutcomes.Outcome outcome = correctable(supportCase, outcomeId);
        CaseOutcomes.NewOutcome corrected = validate(supportCase, outcome, form, result);
        audit.recordView("case-outcome", id, supportCase.organisationId());
        if (result.hasErrors()) {
            return question(supportCase, outcome, model);
        }
        page(supportCase, outcome, model);
        String change = "/cases/" + id + "/outcomes/" + outcomeId + "/correct?kind=" + corrected.kind().name();
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (OutcomeCorrections.Change c : OutcomeCorrections.changes(outcome, corrected)) {
            rows.add(row(c.label(), "Was: " + c.before() + ". Now: " + c.after(), change,
                    c.label().toLowerCase(java.util.Locale.UK)));
        }
        rows.add(row("Reason", form.reason().strip(), change, "the reason"));
        model.addAttribute("changeRows", rows);
        model.addAttribute("reason", form.reason().strip());
        return "casework/outcome-correct-check";
    }

    @PostMapping("/cases/{id}/outcomes/{outcomeId}/correct/confirm")
    String correct(CurrentUser user, @PathVariable long id, @PathVariable long outcomeId,
            @ModelAttribute("form") OutcomeForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        SupportCase supportCase = caseAccess.change(user, id);
        CaseOutcomes.Outcome outcome = correctable(supportCase, outcomeId);
        CaseOutcomes.NewOutcome corrected = validate(supportCase, outcome, form, result);
        if (!result.hasErrors()) {
            try {
                List<OutcomeCorrections.Change> changes = corrections.correct(user, supportCase, outcome, corrected,
                        form.reason().strip());
                redirect.addFlashAttribute("notice", corrected.kind().label() + " corrected: "
                        + String.join("; ", changes.stream().map(OutcomeCorrections.Change::text).toList()));
                return "redirect:/cases/" + id + "#timeline";
            } catch (PeriodLockedException e) {
                // The outcome's period, the new date's or a moved check's has an approved return: nothing was saved.
                result.rejectValue("occurredOn", "locked", e.getMessage());
            } catch (Milestones.NotCurrentException e) {
                result.reject("corrected", "Someone else has corrected this outcome since you opened it: go back to "
                        + "the case to see it");
            }
        }
        audit.recordView("case-outcome", id, supportCase.organisationId());
        return question(supportCase, outcome, model);
    }

    private static Map<String, Object> row(String key, String value, String change, String hidden) {
        return Map.of("key", Map.of("text", key), "value", Map.of("text", value), "actions",
                Map.of("items", List.of(Map.of("href", change, "text", "Change", "visuallyHiddenText", hidden))));
    }

    private CaseOutcomes.Outcome correctable(SupportCase supportCase, long outcomeId) {
        return corrections.correctable(supportCase, outcomeId).orElseThrow(OutOfScopeException::new);
    }

    private CaseOutcomes.NewOutcome validate(SupportCase supportCase, CaseOutcomes.Outcome outcome, OutcomeForm form,
            BindingResult result) {
        OutcomeKind kind = OutcomeAnswers.offered(supportCase, form.kind());
        if (kind == null) {
            // Only a hand-made request names a kind the page does not offer: answer as recorded.
            throw new OutOfScopeException();
        }
        CaseOutcomes.NewOutcome corrected = OutcomeAnswers.validate(supportCase, kind, form, outcomes.today(),
                result);
        CorrectionReason.check(form.reason(), OutcomeAnswers.lower(outcome.kind()), result);
        if (!result.hasErrors() && OutcomeCorrections.changes(outcome, corrected).isEmpty()) {
            result.reject("unchanged", "Change at least one answer to correct the " + OutcomeAnswers.lower(kind)
                    + ", or go back to the case");
        }
        return corrected;
    }

    private String question(SupportCase supportCase, CaseOutcomes.Outcome outcome, Model model) {
        OutcomeForm form = (OutcomeForm) model.getAttribute("form");
        OutcomeKind kind = OutcomeAnswers.offered(supportCase, form.kind());
        page(supportCase, outcome, model);
        OutcomeAnswers.questions(model, kind, form, outcomes.isIps(supportCase));
        model.addAttribute("askedAs", kind == outcome.kind() ? null : "You are correcting it to a "
                + OutcomeAnswers.lower(kind) + ". Answer the questions about the " + OutcomeAnswers.lower(kind) + ".");
        model.addAttribute("otherKinds", OutcomeAnswers.kinds(supportCase).stream().filter(k -> k != kind)
                .map(k -> Map.of("href", "/cases/" + supportCase.id() + "/outcomes/" + outcome.id()
                        + "/correct?kind=" + k.name(), "text", k.label()))
                .toList());
        return "casework/outcome-correct";
    }

    private static void page(SupportCase supportCase, CaseOutcomes.Outcome outcome, Model model) {
        model.addAttribute("supportCase", supportCase);
        model.addAttribute("outcome", outcome);
        model.addAttribute("heading", "Correct the " + OutcomeAnswers.lower(outcome.kind()));
        model.addAttribute("recorded", outcome.kind().label() + ", " + DateAnswer.format(outcome.occurredOn()) + ": "
                + OutcomeAnswers.details(outcome));
        model.addAttribute("reasonMax", Milestones.REASON_MAX);
        model.addAttribute("backLink", "/cases/" + supportCase.id() + "/outcomes");
    }
}
