package org.workhealth.employer;

import org.workhealth.employer.internal.EmployerAccess;
import org.workhealth.employer.internal.EmployerStatus;

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
import org.workhealth.govuk.Choices;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.organisation.Person;

/** A manager assigns an employer to an advisor of their own organisation (or below it), or moves it to another. */
@Controller
class AssignAdvisorController {

    record AdvisorForm(String advisorId) {
    }

    private final EmployerAccess access;
    private final Advisors advisors;
    private final EmployerAssignments assignments;

    AssignAdvisorController(EmployerAccess access, Advisors advisors, EmployerAssignments assignments) {
        this.access = access;
        this.advisors = advisors;
        this.assignments = assignments;
    }

    @InitBinder("form")
    void allowFields(WebDataBinder binder) {
        binder.setAllowedFields("advisorId");
    }

    @GetMapping("/employers/{employerId}/advisor")
    String form(CurrentUser user, @PathVariable long employerId, Model model) {
        Employer employer = assignable(user, employerId);
        model.addAttribute("form", new AdvisorForm(employer.advisorId() == null ? null
                : String.valueOf(employer.advisorId())));
        return page(user, employer, model);
    }

    @PostMapping("/employers/{employerId}/advisor")
    String assign(CurrentUser user, @PathVariable long employerId, @ModelAttribute("form") AdvisorForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        Employer employer = assignable(user, employerId);
        Long advisorId = parse(form.advisorId());
        if (advisorId == null || !advisors.assignable(user, advisorId)) {
            result.rejectValue("advisorId", "required", "Select the advisor to assign the employer to");
            return page(user, employer, model);
        }
        assignments.assign(user, employer, advisorId);
        redirect.addFlashAttribute("notice", "Advisor assigned.");
        return "redirect:/employers/" + employerId;
    }

    private Employer assignable(CurrentUser user, long employerId) {
        EmployerListController.requireStaff(user);
        Employer employer = access.readable(user, employerId);
        if (!access.manages(user, employerId) || employer.status() == EmployerStatus.DECLINED) {
            throw new OutOfScopeException();
        }
        return employer;
    }

    private String page(CurrentUser user, Employer employer, Model model) {
        List<Person> choices = advisors.assignableBy(user);
        AdvisorForm form = (AdvisorForm) model.getAttribute("form");
        model.addAttribute("employer", employer);
        model.addAttribute("advisorItems", Choices.options(choices, Person::id, Person::fullName, null,
                form == null || form.advisorId() == null ? List.of() : List.of(form.advisorId())));
        model.addAttribute("noAdvisors", choices.isEmpty());
        model.addAttribute("backLink", "/employers/" + employer.id());
        return "employer/advisor";
    }

    private static Long parse(String value) {
        try {
            return value == null ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
