package org.workhealth.casework;

import java.time.LocalDate;
import java.util.List;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workhealth.casework.CaseDates.Earliest;
import org.workhealth.audit.AuditLog;
import org.workhealth.govuk.Choices;
import org.workhealth.govuk.DateAnswer;
import org.workhealth.milestone.Milestone;
import org.workhealth.milestone.MilestoneType;
import org.workhealth.milestone.Milestones;
import org.workhealth.milestone.PeriodLockedException;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;

/**
 * Correcting a milestone of a case: moving it to the right date or withdrawing it, recorded in error, with a
 * reason. The question page, then check answers, then the correction; the milestone stays on the timeline as
 * corrected or withdrawn, and the figures, claims and returns move with it.
 */
@Controller
class MilestoneCorrectionController {

    /** correctedOn is never bound: it names the date input for error messages. */
    record CorrectionForm(String action, LocalDate correctedOn, String correctedOnDay, String correctedOnMonth,
            String correctedOnYear, String reason) {
    }

    static final String DATE = "DATE";
    static final String WITHDRAW = "WITHDRAW";

    /** Exit and reopening have their own pages; the referral's own milestones are triage's. */
    private static final Set<MilestoneType> CORRECTABLE = Set.of(MilestoneType.ENGAGEMENT,
            MilestoneType.ACTION_PLAN_AGREED, MilestoneType.JOB_START, MilestoneType.JOB_RETENTION,
            MilestoneType.MEASURE_IMPROVED, MilestoneType.EDUCATION_START, MilestoneType.VOLUNTEERING_START,
            MilestoneType.SUSTAINMENT_13_WEEKS, MilestoneType.SUSTAINMENT_26_WEEKS);

    private final CaseAccess caseAccess;
    private final Milestones milestones;
    private final CaseMilestones caseMilestones;
    private final CaseOutcomes outcomes;
    private final OutcomeCorrections outcomeCorrections;
    private final AuditLog audit;

    MilestoneCorrectionController(CaseAccess caseAccess, Milestones milestones, CaseMilestones caseMilestones,
            CaseOutcomes outcomes, OutcomeCorrections outcomeCorrections, AuditLog audit) {
        this.caseAccess = caseAccess;
        this.milestones = milestones;
        this.caseMilestones = caseMilestones;
        this.outcomes = outcomes;
        this.outcomeCorrections = outcomeCorrections;
        this.audit = audit;
    }

    static boolean correctable(Milestone m) {
        return CORRECTABLE.contains(m.type());
    }

    @InitBinder("form")
    void allowFields(WebDataBinder binder) {
        binder.setAllowedFields("action", "correctedOnDay", "correctedOnMonth", "correctedOnYear", "reason");
    }

    @GetMapping("/cases/{id}/milestones/{milestoneId}/correct")
    String question(CurrentUser user, @PathVariable long id, @PathVariable long milestoneId, Model model) {
        SupportCase supportCase = caseAccess.view(user, id, "case-milestone");
        Milestone milestone = correctable(supportCase, milestoneId);
        model.addAttribute("form", new CorrectionForm(null, null, null, null, null, null));
        return question(supportCase, milestone, model);
    }

    @PostMapping("/cases/{id}/milestones/{milestoneId}/correct")
    String check(CurrentUser user, @PathVariable long id, @PathVariable long milestoneId,
            @ModelAttribute("form") CorrectionForm form, BindingResult result, Model model) {
        SupportCase supportCase = caseAccess.change(user, id);
        Milestone milestone = correctable(supportCase, milestoneId);
        LocalDate date = validate(supportCase, milestone, form, result);
        audit.recordView("case-milestone", id, supportCase.organisationId());
        if (result.hasErrors()) {
            return question(supportCase, milestone, model);
        }
        page(supportCase, milestone, model);
        model.addAttribute("withdraw", WITHDRAW.equals(form.action()));
        model.addAttribute("newDate", date == null ? null : DateAnswer.format(date));
        model.addAttribute("reason", form.reason().strip());
        return "casework/milestone-correct-check";
    }

    @PostMapping("/cases/{id}/milestones/{milestoneId}/correct/confirm")
    String correct(CurrentUser user, @PathVariable long id, @PathVariable long milestoneId,
            @ModelAttribute("form") CorrectionForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        SupportCase supportCase = caseAccess.change(user, id);
        Milestone milestone = correctable(supportCase, milestoneId);
        LocalDate date = validate(supportCase, milestone, form, result);
        if (!result.hasErrors()) {
            String reason = form.reason().strip();
            // An outcome's milestone is corrected with its outcome, so the outcome and its checks follow.
            CaseOutcomes.Outcome outcome = outcomeCorrections.ofMilestone(id, milestoneId).orElse(null);
            try {
                if (WITHDRAW.equals(form.action()) && outcome != null) {
                    outcomeCorrections.withdraw(user, supportCase, outcome, milestone, reason);
                    redirect.addFlashAttribute("notice", milestone.type().label() + " of "
                            + DateAnswer.format(milestone.occurredOn()) + " withdrawn");
                } else if (WITHDRAW.equals(form.action())) {
                    caseMilestones.withdraw(milestone, reason, user.id());
                    redirect.addFlashAttribute("notice", milestone.type().label() + " of "
                            + DateAnswer.format(milestone.occurredOn()) + " withdrawn");
                } else {
                    if (outcome != null) {
                        outcomeCorrections.correct(user, supportCase, outcome, moved(outcome, date), reason);
                    } else {
                        caseMilestones.correctDate(supportCase, milestone, date, reason, user.id());
                    }
                    redirect.addFlashAttribute("notice", milestone.type().label() + " moved from "
                            + DateAnswer.format(milestone.occurredOn()) + " to " + DateAnswer.format(date));
                }
                return "redirect:/cases/" + id + "#timeline";
            } catch (PeriodLockedException e) {
                // The milestone's period, or the new date's, has an approved return: nothing was saved.
                result.rejectValue("correctedOn", "locked", e.getMessage());
            } catch (Milestones.NotCurrentException e) {
                result.rejectValue("action", "corrected", "Someone else has corrected this milestone since you "
                        + "opened it: go back to the case to see it");
            }
        }
        audit.recordView("case-milestone", id, supportCase.organisationId());
        return question(supportCase, milestone, model);
    }

    /** The case's current milestone, when it may be corrected here; otherwise "not found". */
    private Milestone correctable(SupportCase supportCase, long milestoneId) {
        return milestones.find(milestoneId)
                .filter(m -> m.caseId() != null && m.caseId() == supportCase.id())
                .filter(MilestoneCorrectionController::correctable)
                .filter(m -> milestones.isCurrent(m.id()))
                .orElseThrow(OutOfScopeException::new);
    }

    /** The new date when the date is being corrected, or null when the milestone is withdrawn. */
    private LocalDate validate(SupportCase supportCase, Milestone milestone, CorrectionForm form,
            BindingResult result) {
        LocalDate date = null;
        if (!DATE.equals(form.action()) && !WITHDRAW.equals(form.action())) {
            result.rejectValue("action", "required", "Select what is wrong with the " + lower(milestone));
        } else if (DATE.equals(form.action())) {
            LocalDate answer = CaseDates.pastDate(result, "correctedOn", "Correct date", form.correctedOnDay(),
                    form.correctedOnMonth(), form.correctedOnYear(), outcomes.today(),
                    Earliest.caseOpened(supportCase));
            if (milestone.occurredOn().equals(answer)) {
                result.rejectValue("correctedOn", "same", "Correct date must be different from the date recorded, "
                        + DateAnswer.format(milestone.occurredOn()));
            } else {
                date = answer;
            }
        }
        CorrectionReason.check(form.reason(), lower(milestone), result);
        return date;
    }

    private String question(SupportCase supportCase, Milestone milestone, Model model) {
        CorrectionForm form = (CorrectionForm) model.getAttribute("form");
        page(supportCase, milestone, model);
        model.addAttribute("actionItems", Choices.options(List.of(DATE, WITHDRAW), v -> v,
                v -> DATE.equals(v) ? "The date is wrong" : "It was recorded in error: withdraw it", null,
                form.action() == null ? List.of() : List.of(form.action())));
        return "casework/milestone-correct";
    }

    private static CaseOutcomes.NewOutcome moved(CaseOutcomes.Outcome o, LocalDate date) {
        return new CaseOutcomes.NewOutcome(o.kind(), date, o.employer(), o.jobTitle(), o.sector(), o.hoursAWeek(),
                o.contractType(), o.paid(), o.description(), o.evidence());
    }

    private void page(SupportCase supportCase, Milestone milestone, Model model) {
        model.addAttribute("supportCase", supportCase);
        model.addAttribute("milestone", milestone);
        model.addAttribute("milestoneLabel", milestone.type().label());
        model.addAttribute("recordedDate", DateAnswer.format(milestone.occurredOn()));
        model.addAttribute("details", MilestoneDetails.text(milestone));
        model.addAttribute("outcomeLink", outcomeCorrections.ofMilestone(supportCase.id(), milestone.id())
                .map(o -> "/cases/" + supportCase.id() + "/outcomes/" + o.id() + "/correct").orElse(null));
        model.addAttribute("reasonMax", Milestones.REASON_MAX);
        model.addAttribute("backLink", "/cases/" + supportCase.id() + "#timeline");
    }

    private static String lower(Milestone milestone) {
        return milestone.type().label().toLowerCase(java.util.Locale.UK);
    }
}
