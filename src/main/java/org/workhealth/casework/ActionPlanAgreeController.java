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
import org.workhealth.casework.CaseDates.Earliest;
import org.workhealth.govuk.Choices;
import org.workhealth.govuk.FormErrors;
import org.workhealth.govuk.TypedText;
import org.workhealth.milestone.PeriodLockedException;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;

import jakarta.servlet.http.HttpServletRequest;

import org.workhealth.govuk.Answers;
/**
 * Agreeing the draft action plan with the person: when and how.
 */
@Controller
class ActionPlanAgreeController {

    /** agreedOn is never bound: it names the date input for error messages. */
    record AgreeForm(LocalDate agreedOn, String agreedOnDay, String agreedOnMonth, String agreedOnYear,
            String agreedHow) {
    }

    @InitBinder("agree")
    void agreeFields(WebDataBinder binder) {
        binder.setAllowedFields("agreedOnDay", "agreedOnMonth", "agreedOnYear", "agreedHow");
    }

    private final CaseAccess caseAccess;
    private final ActionPlans plans;
    private final ActionPlanView view;

    ActionPlanAgreeController(CaseAccess caseAccess, ActionPlans plans, ActionPlanView view) {
        this.caseAccess = caseAccess;
        this.plans = plans;
        this.view = view;
    }

    @GetMapping("/cases/{id}/action-plan/agree")
    String agreeForm(CurrentUser user, @PathVariable long id, Model model) {
        SupportCase supportCase = caseAccess.view(user, id, "case-action-plan");
        model.addAttribute("agree", new AgreeForm(null, null, null, null, null));
        return agreePage(supportCase, model);
    }

    @PostMapping("/cases/{id}/action-plan/agree")
    String agree(CurrentUser user, @PathVariable long id, @ModelAttribute("agree") AgreeForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        SupportCase supportCase = caseAccess.change(user, id);
        LocalDate on = CaseDates.pastDate(result, "agreedOn", "Date the plan was agreed", form.agreedOnDay(),
                form.agreedOnMonth(), form.agreedOnYear(), plans.today(),
                new Earliest(supportCase.openedOn(), "beforeCase", "when the case was opened"));
        AgreedHow how = Answers.code(AgreedHow.class, form.agreedHow());
        if (how == null) {
            result.rejectValue("agreedHow", "required", "Select how the plan was agreed");
        }
        if (result.hasErrors()) {
            model.addAttribute("errors", FormErrors.of(result));
            return agreePage(supportCase, model);
        }
        ActionPlans.AgreeResult agreed;
        try {
            agreed = plans.agree(supportCase, on, how, user);
        } catch (PeriodLockedException e) {
            // The plan agreed milestone falls in a period whose return is approved: nothing was saved.
            result.rejectValue("agreedOn", "locked", e.getMessage());
            model.addAttribute("errors", FormErrors.of(result));
            return agreePage(supportCase, model);
        }
        if (agreed == ActionPlans.AgreeResult.AGREED) {
            redirect.addFlashAttribute("notice", "Plan agreed");
        } else {
            redirect.addFlashAttribute("notice", "There is no draft plan to agree");
        }
        return "redirect:/cases/" + id + "/action-plan";
    }

    private String agreePage(SupportCase supportCase, Model model) {
        ActionPlans.ActionPlan plan = plans.latest(supportCase.id()).orElse(null);
        if (plan == null || plan.agreed()) {
            model.addAttribute("nothingToAgree", true);
        }
        view.describe(supportCase, plan, model);
        AgreeForm form = (AgreeForm) model.getAttribute("agree");
        model.addAttribute("howItems", Choices.options(Arrays.asList(AgreedHow.values()), Enum::name,
                AgreedHow::label, null, form.agreedHow() == null ? List.of() : List.of(form.agreedHow())));
        model.addAttribute("backLink", "/cases/" + supportCase.id() + "/action-plan");
        return "casework/action-plan-agree";
    }
}
