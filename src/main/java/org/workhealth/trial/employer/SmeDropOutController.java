package org.workhealth.trial.employer;

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
import org.workhealth.employer.Employer;
import org.workhealth.govuk.Choices;
import org.workhealth.govuk.DateAnswer;
import org.workhealth.govuk.TextAnswer;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.trial.internal.Allocation;
import org.workhealth.trial.Trial;

/** Recording that a randomised SME dropped out, with the reason and date; its unpaid instalments are withheld. */
@Controller
class SmeDropOutController {

    static final int DETAIL_MAX = 500;

    record DropOutForm(String reason, String onDay, String onMonth, String onYear, String detail) {
    }

    private final SmeTrials smeTrials;
    private final SmeGrants grants;
    private final AuditLog audit;

    SmeDropOutController(SmeTrials smeTrials, SmeGrants grants, AuditLog audit) {
        this.smeTrials = smeTrials;
        this.grants = grants;
        this.audit = audit;
    }

    @InitBinder("form")
    void fields(WebDataBinder binder) {
        binder.setAllowedFields("reason", "onDay", "onMonth", "onYear", "detail");
    }

    @GetMapping("/trials/{smeTrialId}/employers/{smeId}/drop-out")
    String form(CurrentUser user, @PathVariable long smeTrialId, @PathVariable("smeId") long employerId, Model model) {
        Trial trial = smeTrials.trial(user, smeTrialId);
        Employer employer = smeTrials.employer(trial, employerId);
        model.addAttribute("form", new DropOutForm(null, null, null, null, null));
        return page(trial, employer, allocated(trial, employer), model);
    }

    @PostMapping("/trials/{smeTrialId}/employers/{smeId}/drop-out")
    String dropOut(CurrentUser user, @PathVariable long smeTrialId, @PathVariable("smeId") long employerId,
            @ModelAttribute("form") DropOutForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        Trial trial = smeTrials.trial(user, smeTrialId);
        Employer employer = smeTrials.employer(trial, employerId);
        Allocation allocation = allocated(trial, employer);
        DropOutReason reason = Choices.chosen(DropOutReason.class, form.reason());
        if (reason == null) {
            result.rejectValue("reason", "required", "Select why the employer dropped out");
        }
        DateAnswer on = DateAnswer.parse("Date the employer dropped out", form.onDay(), form.onMonth(), form.onYear());
        if (!on.valid()) {
            result.rejectValue("onDay", "invalid", on.error());
        }
        String detail = TextAnswer.optional(result, "detail", form.detail(), "Details", DETAIL_MAX);
        if (!result.hasErrors()) {
            try {
                grants.dropOut(user, trial, allocation, new SmeDropOut(on.date(), reason, detail));
                redirect.addFlashAttribute("notice", employer.name() + " recorded as dropped out: no further "
                        + "instalments will be paid");
                return "redirect:/trials/" + trial.id() + "/employers/" + employer.id();
            } catch (SmeGrants.GrantRefused e) {
                result.rejectValue("onDay", "refused", e.getMessage());
            }
        }
        return page(trial, employer, allocation, model);
    }

    private Allocation allocated(Trial trial, Employer employer) {
        return smeTrials.allocation(trial, employer.id()).orElseThrow(OutOfScopeException::new);
    }

    private String page(Trial trial, Employer employer, Allocation allocation, Model model) {
        audit.recordView("trial_allocation", allocation.id(), trial.ownerOrganisationId());
        DropOutForm form = (DropOutForm) model.getAttribute("form");
        model.addAttribute("trial", trial);
        model.addAttribute("employer", employer);
        model.addAttribute("dropOut", grants.dropOut(allocation).orElse(null));
        model.addAttribute("reasonItems", Choices.options(List.of(DropOutReason.values()), Enum::name,
                DropOutReason::label, null, form == null || form.reason() == null ? List.of() : List.of(form.reason())));
        model.addAttribute("backLink", "/trials/" + trial.id() + "/employers/" + employer.id());
        return "trial/employer/drop-out";
    }
}
