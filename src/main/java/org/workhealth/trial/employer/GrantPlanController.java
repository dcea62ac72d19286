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
import org.workhealth.govuk.Answers;
import org.workhealth.govuk.Choices;
import org.workhealth.govuk.TextAnswer;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.trial.Trial;

/** The trial's grant plan: the funding agreement that pays it and its instalments, added one at a time. */
@Controller
class GrantPlanController {

    static final int CONDITION_MAX = 300;

    record InstalmentForm(String agreementId, String amount, String condition) {
    }

    private final SmeTrials smeTrials;
    private final SmeGrants grants;

    GrantPlanController(SmeTrials smeTrials, SmeGrants grants) {
        this.smeTrials = smeTrials;
        this.grants = grants;
    }

    @InitBinder("form")
    void fields(WebDataBinder binder) {
        binder.setAllowedFields("agreementId", "amount", "condition");
    }

    @GetMapping("/trials/{smeTrialId}/grant-plan")
    String show(CurrentUser user, @PathVariable long smeTrialId, Model model) {
        Trial trial = smeTrials.trial(user, smeTrialId);
        model.addAttribute("form", new InstalmentForm(null, null, null));
        return page(trial, model);
    }

    @PostMapping("/trials/{smeTrialId}/grant-plan")
    String add(CurrentUser user, @PathVariable long smeTrialId, @ModelAttribute("form") InstalmentForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        Trial trial = smeTrials.trial(user, smeTrialId);
        boolean hasPlan = grants.plan(trial).isPresent();
        Long agreementId = null;
        if (!hasPlan) {
            agreementId = grants.agreements(trial).stream().filter(a -> String.valueOf(a.id()).equals(form.agreementId()))
                    .findFirst().map(a -> a.id()).orElse(null);
            if (agreementId == null) {
                result.rejectValue("agreementId", "required", "Select the funding agreement the grants are paid from");
            }
        }
        Long pence = Pounds.parse(form.amount());
        if (Answers.blank(form.amount())) {
            result.rejectValue("amount", "required", "Enter the amount of the instalment");
        } else if (pence == null) {
            result.rejectValue("amount", "invalid", "Amount must be in pounds and pence, from £0.01 to £1,000,000, "
                    + "like 1500 or 1500.00");
        }
        String condition = TextAnswer.required(result, "condition", form.condition(),
                "Enter the condition that must be met before it is paid", "Condition", CONDITION_MAX);
        if (!result.hasErrors()) {
            try {
                grants.addInstalment(user, trial, agreementId, pence, condition);
                redirect.addFlashAttribute("notice", "Instalment added to the grant plan");
                return "redirect:/trials/" + trial.id() + "/grant-plan";
            } catch (SmeGrants.GrantRefused e) {
                result.reject("refused", e.getMessage());
                model.addAttribute("problem", e.getMessage());
            }
        }
        return page(trial, model);
    }

    private String page(Trial trial, Model model) {
        InstalmentForm form = (InstalmentForm) model.getAttribute("form");
        var plan = grants.plan(trial).orElse(null);
        model.addAttribute("trial", trial);
        model.addAttribute("plan", plan);
        model.addAttribute("fixed", plan != null && grants.planInUse(trial));
        model.addAttribute("agreementItems", Choices.select("Choose an agreement", grants.agreements(trial),
                a -> a.id(), a -> a.label(), form == null ? null : form.agreementId()));
        model.addAttribute("backLink", "/trials/" + trial.id() + "/employers");
        return "trial/employer/plan";
    }
}
