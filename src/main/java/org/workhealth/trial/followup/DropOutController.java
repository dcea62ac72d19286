package org.workhealth.trial.followup;

import java.util.List;

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
import org.workhealth.audit.AuditLog;
import org.workhealth.govuk.Choices;
import org.workhealth.govuk.DateAnswer;
import org.workhealth.govuk.TextAnswer;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.trial.internal.Allocation;
import org.workhealth.trial.internal.DropOut;
import org.workhealth.trial.internal.DropOutReason;
import org.workhealth.trial.internal.DropOuts;
import org.workhealth.trial.Trial;

/**
 * Recording that a participant stopped the intervention. The allocation stays, in its arm, and is still followed
 * up; a drop-out is recorded once and not changed (a mistaken one is a matter for the trial's own records).
 */
@Controller
class DropOutController {

    record DropOutForm(String droppedOn, String droppedOnDay, String droppedOnMonth, String droppedOnYear,
            String reason, String detail) {
    }

    private final FollowUps followUps;
    private final DropOuts dropOuts;
    private final AuditLog audit;

    DropOutController(FollowUps followUps, DropOuts dropOuts, AuditLog audit) {
        this.followUps = followUps;
        this.dropOuts = dropOuts;
        this.audit = audit;
    }

    @InitBinder("form")
    void allowFields(WebDataBinder binder) {
        binder.setAllowedFields("droppedOnDay", "droppedOnMonth", "droppedOnYear", "reason", "detail");
    }

    @GetMapping("/trials/{trialId}/allocations/{allocationId}/drop-out")
    String form(CurrentUser user, @PathVariable long trialId, @PathVariable long allocationId, Model model) {
        Trial trial = followUps.trial(user, trialId);
        Allocation allocation = dropOuts.allocation(trial, allocationId);
        model.addAttribute("form", new DropOutForm(null, null, null, null, null, null));
        return page(trial, allocation, model);
    }

    @PostMapping("/trials/{trialId}/allocations/{allocationId}/drop-out")
    String record(CurrentUser user, @PathVariable long trialId, @PathVariable long allocationId,
            @ModelAttribute("form") DropOutForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        Trial trial = followUps.trial(user, trialId);
        Allocation allocation = dropOuts.allocation(trial, allocationId);
        DateAnswer on = DateAnswer.parse("Date they stopped", form.droppedOnDay(), form.droppedOnMonth(),
                form.droppedOnYear());
        if (!on.valid()) {
            result.rejectValue("droppedOn", "invalid", on.error());
        }
        DropOutReason reason = Choices.chosen(DropOutReason.class, form.reason());
        if (reason == null) {
            result.rejectValue("reason", "required", "Select why they stopped");
        }
        String detail = TextAnswer.optional(result, "detail", form.detail(), "Details", DropOut.DETAIL_MAX);
        if (!result.hasErrors()) {
            try {
                dropOuts.record(user, trial, allocationId, on.date(), reason, detail);
                redirect.addFlashAttribute("notice", "Drop-out recorded. They stay in their arm and are still "
                        + "followed up.");
                return "redirect:/trials/" + trialId + "/follow-ups";
            } catch (DropOuts.NotRecordedException e) {
                result.rejectValue("droppedOn", "refused", e.getMessage());
            }
        }
        return page(trial, allocation, model);
    }

    private String page(Trial trial, Allocation allocation, Model model) {
        audit.recordView("trial_allocation", allocation.id(), trial.ownerOrganisationId());
        DropOutForm form = (DropOutForm) model.getAttribute("form");
        model.addAttribute("trial", trial);
        model.addAttribute("allocation", allocation);
        model.addAttribute("reference", followUps.reference(trial, allocation.unitId()));
        model.addAttribute("arm", trial.arm(allocation.armCode()));
        model.addAttribute("dropOut", dropOuts.of(allocation.id()).orElse(null));
        model.addAttribute("reasonItems", Choices.options(List.of(DropOutReason.values()), Enum::name,
                DropOutReason::label, null, form == null ? List.of() : List.of(String.valueOf(form.reason()))));
        model.addAttribute("backLink", "/trials/" + trial.id() + "/follow-ups");
        return "trial/drop-out";
    }
}
