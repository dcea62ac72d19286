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
import org.workhealth.govuk.TextAnswer;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.trial.internal.Randomiser;
import org.workhealth.trial.Trial;

/**
 * Randomising an SME after confirming its eligibility and its consent to take part (and who gave it), or recording
 * that it was assessed and not randomised. The strata come from the employer's record; the page shows the
 * allocation only once it is made.
 */
@Controller
class SmeRandomiseController {

    static final int CONSENT_BY_MAX = 100;
    static final int DETAIL_MAX = 500;

    record RandomiseForm(String eligible, String consented, String consentBy) {
    }

    record ExcludeForm(String reason, String detail) {
    }

    private final SmeTrials smeTrials;
    private final AuditLog audit;

    SmeRandomiseController(SmeTrials smeTrials, AuditLog audit) {
        this.smeTrials = smeTrials;
        this.audit = audit;
    }

    @InitBinder("form")
    void randomiseFields(WebDataBinder binder) {
        binder.setAllowedFields("eligible", "consented", "consentBy");
    }

    @InitBinder("exclude")
    void excludeFields(WebDataBinder binder) {
        binder.setAllowedFields("reason", "detail");
    }

    @GetMapping("/trials/{smeTrialId}/employers/{smeId}/randomise")
    String form(CurrentUser user, @PathVariable long smeTrialId, @PathVariable("smeId") long employerId, Model model) {
        Trial trial = smeTrials.trial(user, smeTrialId);
        Employer employer = smeTrials.employer(trial, employerId);
        model.addAttribute("form", new RandomiseForm(null, null, null));
        model.addAttribute("exclude", new ExcludeForm(null, null));
        return page(trial, employer, model);
    }

    @PostMapping("/trials/{smeTrialId}/employers/{smeId}/randomise")
    String randomise(CurrentUser user, @PathVariable long smeTrialId, @PathVariable("smeId") long employerId,
            @ModelAttribute("form") RandomiseForm form, BindingResult result, Model model) {
        Trial trial = smeTrials.trial(user, smeTrialId);
        Employer employer = smeTrials.employer(trial, employerId);
        if (!"yes".equals(form.eligible())) {
            result.rejectValue("eligible", "required", "Confirm the employer meets the trial’s eligibility criteria");
        }
        if (!"yes".equals(form.consented())) {
            result.rejectValue("consented", "required", "Confirm the employer has agreed to take part");
        }
        String by = TextAnswer.required(result, "consentBy", form.consentBy(),
                "Enter the name and role of who agreed for the employer", "Who agreed", CONSENT_BY_MAX);
        if (!result.hasErrors()) {
            try {
                smeTrials.randomise(user, trial, employer, by);
            } catch (Randomiser.NotRandomisedException e) {
                result.reject("notRandomised", e.getMessage());
                model.addAttribute("problem", e.getMessage());
            }
        }
        model.addAttribute("exclude", new ExcludeForm(null, null));
        return page(trial, employer, model);
    }

    @PostMapping("/trials/{smeTrialId}/employers/{smeId}/exclude")
    String exclude(CurrentUser user, @PathVariable long smeTrialId, @PathVariable("smeId") long employerId,
            @ModelAttribute("exclude") ExcludeForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        Trial trial = smeTrials.trial(user, smeTrialId);
        Employer employer = smeTrials.employer(trial, employerId);
        ExclusionReason reason = Choices.chosen(ExclusionReason.class, form.reason());
        if (reason == null) {
            result.rejectValue("reason", "required", "Select why the employer is not being randomised");
        }
        String detail = TextAnswer.optional(result, "detail", form.detail(), "Details", DETAIL_MAX);
        if (result.hasErrors()) {
            model.addAttribute("form", new RandomiseForm(null, null, null));
            return page(trial, employer, model);
        }
        boolean excluded = smeTrials.exclude(user, trial, employer, reason, detail);
        redirect.addFlashAttribute("notice", excluded ? employer.name() + " recorded as not randomised: "
                + reason.label().toLowerCase() : "Nothing was changed: " + employer.name()
                + " has already been randomised or excluded");
        return "redirect:/trials/" + trial.id() + "/employers";
    }

    private String page(Trial trial, Employer employer, Model model) {
        var allocation = smeTrials.allocation(trial, employer.id());
        if (allocation.isPresent()) {
            audit.recordView("trial_allocation", allocation.get().id(), trial.ownerOrganisationId());
        }
        model.addAttribute("trial", trial);
        model.addAttribute("employer", employer);
        model.addAttribute("eligibleSize", SmeTrials.sme(employer));
        model.addAttribute("allocation", allocation.orElse(null));
        model.addAttribute("arm", allocation.map(a -> trial.arm(a.armCode())).orElse(null));
        model.addAttribute("exclusion", smeTrials.exclusion(trial, employer.id()).orElse(null));
        model.addAttribute("consentBy", smeTrials.consentGivenBy(trial, employer.id()).orElse(null));
        model.addAttribute("reasonItems", Choices.options(List.of(ExclusionReason.values()), Enum::name,
                ExclusionReason::label, null, List.of()));
        model.addAttribute("backLink", "/trials/" + trial.id() + "/employers");
        return "trial/employer/randomise";
    }
}
