package org.workhealth.trial.employer;


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
import org.workhealth.govuk.DateAnswer;
import org.workhealth.govuk.TextAnswer;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.trial.internal.Allocation;
import org.workhealth.trial.Trial;

/** One randomised SME: its allocation, consent, drop-out, and its grant instalments with what can be done to each. */
@Controller
class SmeController {

    static final int EVIDENCE_MAX = 100;
    static final int REASON_MAX = 500;

    record ConditionForm(String evidence, String onDay, String onMonth, String onYear) {
    }

    record WithholdForm(String reason) {
    }

    private final SmeTrials smeTrials;
    private final SmeGrants grants;
    private final AuditLog audit;

    SmeController(SmeTrials smeTrials, SmeGrants grants, AuditLog audit) {
        this.smeTrials = smeTrials;
        this.grants = grants;
        this.audit = audit;
    }

    @InitBinder("form")
    void conditionFields(WebDataBinder binder) {
        binder.setAllowedFields("evidence", "onDay", "onMonth", "onYear");
    }

    @InitBinder("withhold")
    void withholdFields(WebDataBinder binder) {
        binder.setAllowedFields("reason");
    }

    @GetMapping("/trials/{smeTrialId}/employers/{smeId}")
    String show(CurrentUser user, @PathVariable long smeTrialId, @PathVariable("smeId") long employerId, Model model) {
        Trial trial = smeTrials.trial(user, smeTrialId);
        Employer employer = smeTrials.employer(trial, employerId);
        Allocation allocation = allocated(trial, employer);
        audit.recordView("trial_allocation", allocation.id(), trial.ownerOrganisationId());
        model.addAttribute("trial", trial);
        model.addAttribute("employer", employer);
        model.addAttribute("allocation", allocation);
        model.addAttribute("arm", trial.arm(allocation.armCode()));
        model.addAttribute("consentBy", smeTrials.consentGivenBy(trial, employer.id()).orElse(null));
        model.addAttribute("dropOut", grants.dropOut(allocation).orElse(null));
        model.addAttribute("instalments", grants.instalments(trial, allocation));
        model.addAttribute("plan", grants.plan(trial).orElse(null));
        model.addAttribute("backLink", "/trials/" + trial.id() + "/employers");
        return "trial/employer/sme";
    }

    @GetMapping("/trials/{smeTrialId}/employers/{smeId}/instalments/{number}")
    String instalment(CurrentUser user, @PathVariable long smeTrialId, @PathVariable("smeId") long employerId,
            @PathVariable int number, Model model) {
        Trial trial = smeTrials.trial(user, smeTrialId);
        Employer employer = smeTrials.employer(trial, employerId);
        model.addAttribute("form", new ConditionForm(null, null, null, null));
        model.addAttribute("withhold", new WithholdForm(null));
        return instalmentPage(trial, employer, allocated(trial, employer), number, model);
    }

    @PostMapping("/trials/{smeTrialId}/employers/{smeId}/instalments/{number}/condition")
    String conditionMet(CurrentUser user, @PathVariable long smeTrialId, @PathVariable("smeId") long employerId,
            @PathVariable int number, @ModelAttribute("form") ConditionForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        Trial trial = smeTrials.trial(user, smeTrialId);
        Employer employer = smeTrials.employer(trial, employerId);
        Allocation allocation = allocated(trial, employer);
        String evidence = TextAnswer.required(result, "evidence", form.evidence(),
                "Enter the reference of the evidence you checked", "Evidence reference", EVIDENCE_MAX);
        DateAnswer on = DateAnswer.parse("Date the condition was met", form.onDay(), form.onMonth(), form.onYear());
        if (!on.valid()) {
            result.rejectValue("onDay", "invalid", on.error());
        } else if (on.date().isAfter(smeTrials.today())) {
            result.rejectValue("onDay", "future", "Date the condition was met must be today or in the past");
        }
        if (!result.hasErrors()) {
            try {
                grants.conditionMet(user, trial, allocation, number, evidence, on.date());
                redirect.addFlashAttribute("notice", "Instalment " + number + ": condition met, ready to pay");
                return "redirect:/trials/" + trial.id() + "/employers/" + employer.id() + "/instalments/" + number;
            } catch (SmeGrants.GrantRefused e) {
                model.addAttribute("problem", e.getMessage());
            }
        }
        model.addAttribute("withhold", new WithholdForm(null));
        return instalmentPage(trial, employer, allocation, number, model);
    }

    @PostMapping("/trials/{smeTrialId}/employers/{smeId}/instalments/{number}/pay")
    String pay(CurrentUser user, @PathVariable long smeTrialId, @PathVariable("smeId") long employerId,
            @PathVariable int number, Model model, RedirectAttributes redirect) {
        Trial trial = smeTrials.trial(user, smeTrialId);
        Employer employer = smeTrials.employer(trial, employerId);
        Allocation allocation = allocated(trial, employer);
        try {
            grants.pay(user, trial, allocation, employer, number);
        } catch (SmeGrants.GrantRefused e) {
            model.addAttribute("problem", e.getMessage());
            model.addAttribute("form", new ConditionForm(null, null, null, null));
            model.addAttribute("withhold", new WithholdForm(null));
            return instalmentPage(trial, employer, allocation, number, model);
        }
        redirect.addFlashAttribute("notice", "Instalment " + number + " paid: it is on the funding agreement’s next claim");
        return "redirect:/trials/" + trial.id() + "/employers/" + employer.id();
    }

    @PostMapping("/trials/{smeTrialId}/employers/{smeId}/instalments/{number}/withhold")
    String withhold(CurrentUser user, @PathVariable long smeTrialId, @PathVariable("smeId") long employerId,
            @PathVariable int number, @ModelAttribute("withhold") WithholdForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        Trial trial = smeTrials.trial(user, smeTrialId);
        Employer employer = smeTrials.employer(trial, employerId);
        Allocation allocation = allocated(trial, employer);
        String reason = TextAnswer.required(result, "reason", form.reason(),
                "Enter why the instalment is withheld", "Reason", REASON_MAX);
        if (!result.hasErrors()) {
            try {
                grants.withhold(user, trial, allocation, number, reason);
                redirect.addFlashAttribute("notice", "Instalment " + number + " withheld");
                return "redirect:/trials/" + trial.id() + "/employers/" + employer.id();
            } catch (SmeGrants.GrantRefused e) {
                model.addAttribute("problem", e.getMessage());
            }
        }
        model.addAttribute("form", new ConditionForm(null, null, null, null));
        return instalmentPage(trial, employer, allocation, number, model);
    }

    private Allocation allocated(Trial trial, Employer employer) {
        return smeTrials.allocation(trial, employer.id()).orElseThrow(OutOfScopeException::new);
    }

    private String instalmentPage(Trial trial, Employer employer, Allocation allocation, int number, Model model) {
        SmeInstalment instalment = grants.instalments(trial, allocation).stream().filter(i -> i.number() == number)
                .findFirst().orElseThrow(OutOfScopeException::new);
        audit.recordView("trial_allocation", allocation.id(), trial.ownerOrganisationId());
        model.addAttribute("trial", trial);
        model.addAttribute("employer", employer);
        model.addAttribute("instalment", instalment);
        model.addAttribute("dropOut", grants.dropOut(allocation).orElse(null));
        model.addAttribute("backLink", "/trials/" + trial.id() + "/employers/" + employer.id());
        return "trial/employer/instalment";
    }
}
