package org.workhealth.casework;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workhealth.govuk.Choices;
import org.workhealth.govuk.DateAnswer;
import org.workhealth.govuk.FormErrors;
import org.workhealth.govuk.TypedText;
import org.workhealth.milestone.PeriodLockedException;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;

import jakarta.servlet.http.HttpServletRequest;

import org.workhealth.govuk.Answers;
/**
 * Sharing the agreed action plan with the person's employer, when they have consented.
 */
@Controller
class ActionPlanShareController {

    record ShareForm(String employerContact, String employerEmail) {
    }

    @InitBinder("share")
    void shareFields(WebDataBinder binder) {
        binder.setAllowedFields("employerContact", "employerEmail");
    }

    private final CaseAccess caseAccess;
    private final ActionPlans plans;
    private final ActionPlanView view;

    ActionPlanShareController(CaseAccess caseAccess, ActionPlans plans, ActionPlanView view) {
        this.caseAccess = caseAccess;
        this.plans = plans;
        this.view = view;
    }

    @GetMapping("/cases/{id}/action-plan/share")
    String shareForm(CurrentUser user, @PathVariable long id, Model model) {
        SupportCase supportCase = caseAccess.view(user, id, "case-action-plan");
        model.addAttribute("share", new ShareForm(null, null));
        return sharePage(supportCase, model);
    }

    @PostMapping("/cases/{id}/action-plan/share")
    String share(CurrentUser user, @PathVariable long id, @ModelAttribute("share") ShareForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        SupportCase supportCase = caseAccess.change(user, id);
        String contact = form.employerContact() == null ? "" : form.employerContact().strip();
        String email = form.employerEmail() == null ? "" : form.employerEmail().strip();
        if (contact.isEmpty()) {
            result.rejectValue("employerContact", "required", "Enter the name of the employer contact");
        } else if (contact.length() > 200) {
            result.rejectValue("employerContact", "long", "Name must be 200 characters or fewer");
        }
        if (email.isEmpty()) {
            result.rejectValue("employerEmail", "required", "Enter the employer contact's email address");
        } else if (!Answers.email(email)) {
            result.rejectValue("employerEmail", "format",
                    "Enter an email address in the correct format, like name@example.com");
        }
        if (!result.hasErrors()) {
            ActionPlans.Shared shared = plans.share(supportCase, contact, email, user);
            switch (shared.result()) {
                case SHARED -> {
                    redirect.addFlashAttribute("notice", shared.sent().toPerson()
                            ? "Plan sent to " + contact + " and a copy to the person by email"
                            : "Plan sent to " + contact + ". The person does not get emails from the service: "
                                    + "give them a copy of the plan");
                    return "redirect:/cases/" + id + "/action-plan";
                }
                case NO_CONSENT -> result.reject("consent",
                        "You can share the plan only when the person has consented to sharing it with their employer");
                case EMPLOYER_CONSENT_WITHDRAWN -> result.reject("consent", "You cannot share the plan: the person "
                        + "has withdrawn their consent to contact with their employer");
                case NOT_AGREED -> result.reject("agreed", "Agree the plan before sharing it");
            }
        }
        model.addAttribute("errors", FormErrors.of(result));
        return sharePage(supportCase, model);
    }

    private String sharePage(SupportCase supportCase, Model model) {
        ActionPlans.ActionPlan plan = plans.latest(supportCase.id()).orElse(null);
        view.describe(supportCase, plan, model);
        model.addAttribute("consented", plan != null && Boolean.TRUE.equals(plan.consentToShare()));
        model.addAttribute("agreedVersion", plans.latestAgreed(supportCase.id()).map(ActionPlans.ActionPlan::version)
                .orElse(null));
        model.addAttribute("backLink", "/cases/" + supportCase.id() + "/action-plan");
        return "casework/action-plan-share";
    }
}
