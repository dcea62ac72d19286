package org.workhealth.employer;

import org.workhealth.employer.internal.EmployerAccess;

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
import org.workhealth.govuk.TextAnswer;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;

/**
 * An advisor (or the programme's manager) confirms or declines a pending sign-up. Confirming gives the main contact
 * a wellbeing lead account, whose temporary password is shown once; declining needs a reason.
 */
@Controller
class SignUpDecisionController {

    static final int REASON_MAX = 500;

    enum Decision { CONFIRM, DECLINE }

    record DecisionForm(String decision, String reason) {
    }

    private final EmployerAccess access;
    private final EmployerDirectory directory;
    private final SignUps signUps;
    private final AuditLog audit;

    SignUpDecisionController(EmployerAccess access, EmployerDirectory directory, SignUps signUps, AuditLog audit) {
        this.access = access;
        this.directory = directory;
        this.signUps = signUps;
        this.audit = audit;
    }

    @InitBinder("form")
    void allowFields(WebDataBinder binder) {
        binder.setAllowedFields("decision", "reason");
    }

    @GetMapping("/employers/{employerId}/decision")
    String form(CurrentUser user, @PathVariable long employerId, Model model, RedirectAttributes redirect) {
        Employer employer = decidable(user, employerId);
        if (!employer.pending()) {
            return alreadyDecided(employerId, redirect);
        }
        model.addAttribute("form", new DecisionForm(null, null));
        return page(employer, model);
    }

    @PostMapping("/employers/{employerId}/decision")
    String decide(CurrentUser user, @PathVariable long employerId, @ModelAttribute("form") DecisionForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        Employer employer = decidable(user, employerId);
        if (!employer.pending()) {
            return alreadyDecided(employerId, redirect);
        }
        Decision decision = Choices.chosen(Decision.class, form.decision());
        if (decision == null) {
            result.rejectValue("decision", "required", "Select whether to confirm or decline the sign-up");
        } else if (decision == Decision.DECLINE) {
            TextAnswer.required(result, "reason", form.reason(),
                    "Enter the reason for declining the sign-up", "Reason", REASON_MAX);
        }
        if (result.hasErrors()) {
            return page(employer, model);
        }
        try {
            if (decision == Decision.DECLINE) {
                signUps.decline(user, employerId, form.reason().strip());
                redirect.addFlashAttribute("notice", "Sign-up declined.");
            } else {
                SignUps.Confirmed confirmed = signUps.confirm(user, employerId);
                redirect.addFlashAttribute("temporaryPassword", confirmed.temporaryPassword());
                redirect.addFlashAttribute("notice", "Sign-up confirmed. The wellbeing lead has an account.");
            }
        } catch (SignUpRefused refused) {
            result.rejectValue("decision", "refused", refused.getMessage());
            return page(employer, model);
        }
        return "redirect:/employers/" + employerId;
    }

    private Employer decidable(CurrentUser user, long employerId) {
        EmployerListController.requireStaff(user);
        Employer employer = access.readable(user, employerId);
        if (!access.advises(user, employerId) && !access.manages(user, employerId)) {
            throw new OutOfScopeException();
        }
        return employer;
    }

    private String page(Employer employer, Model model) {
        EmployerDirectory.Details details = directory.details(employer).orElseThrow(OutOfScopeException::new);
        audit.recordView("employer", employer.id(), employer.hubOrganisationId());
        model.addAttribute("details", details);
        model.addAttribute("employer", employer);
        model.addAttribute("backLink", "/employers/" + employer.id());
        return "employer/decision";
    }

    private static String alreadyDecided(long employerId, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", "This sign-up has already been decided.");
        return "redirect:/employers/" + employerId;
    }
}
