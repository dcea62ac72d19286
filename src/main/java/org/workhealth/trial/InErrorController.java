package org.workhealth.trial;

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
import org.workhealth.govuk.TextAnswer;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.trial.internal.Allocation;
import org.workhealth.trial.internal.Randomiser;

/**
 * Marking a mistaken randomisation (someone ineligible, the wrong person). The allocation stays, in the record and
 * in the sequence, tagged "Randomised in error" with the reason: an intention-to-treat analysis decides what to do
 * with it, not the service.
 */
@Controller
class InErrorController {

    static final int REASON_MAX = 500;

    record InErrorForm(String reason) {
    }

    private final Trials trials;
    private final AllocationAccess allocations;
    private final Randomiser randomiser;
    private final AuditLog audit;

    InErrorController(Trials trials, AllocationAccess allocations, Randomiser randomiser, AuditLog audit) {
        this.trials = trials;
        this.allocations = allocations;
        this.randomiser = randomiser;
        this.audit = audit;
    }

    @InitBinder("form")
    void allowFields(WebDataBinder binder) {
        binder.setAllowedFields("reason");
    }

    @GetMapping("/trials/{trialId}/allocations/{allocationId}/in-error")
    String show(CurrentUser user, @PathVariable long trialId, @PathVariable long allocationId, Model model) {
        Trial trial = trials.manageable(user, trialId);
        Allocation allocation = allocations.manageable(user, trial, allocationId);
        audit.recordView("trial_allocation", allocation.id(), trial.ownerOrganisationId());
        model.addAttribute("form", new InErrorForm(null));
        return page(trial, allocation, model);
    }

    @PostMapping("/trials/{trialId}/allocations/{allocationId}/in-error")
    String mark(CurrentUser user, @PathVariable long trialId, @PathVariable long allocationId,
            @ModelAttribute("form") InErrorForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        Trial trial = trials.manageable(user, trialId);
        Allocation allocation = allocations.manageable(user, trial, allocationId);
        if (allocation.inError()) {
            redirect.addFlashAttribute("notice", "This allocation is already marked as randomised in error");
            return "redirect:/trials/" + trialId + "/allocations";
        }
        String reason = TextAnswer.required(result, "reason", form.reason(), "Enter why the randomisation was a mistake",
                "Why the randomisation was a mistake", REASON_MAX);
        if (result.hasErrors()) {
            return page(trial, allocation, model);
        }
        boolean marked = randomiser.markInError(user, trial, allocation.id(), reason);
        redirect.addFlashAttribute("notice", marked ? "Allocation " + allocation.id()
                + " marked as randomised in error. It stays in the trial's record."
                : "This allocation is already marked as randomised in error");
        return "redirect:/trials/" + trialId + "/allocations";
    }

    private String page(Trial trial, Allocation allocation, Model model) {
        model.addAttribute("trial", trial);
        model.addAttribute("allocation", allocation);
        model.addAttribute("arm", trial.arm(allocation.armCode()));
        model.addAttribute("backLink", "/trials/" + trial.id() + "/allocations");
        return "trial/in-error";
    }
}
