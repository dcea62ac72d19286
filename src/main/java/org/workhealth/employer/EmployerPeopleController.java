package org.workhealth.employer;

import org.workhealth.govuk.Answers;
import org.workhealth.govuk.TextAnswer;
import org.workhealth.employer.internal.EmployerAccess;
import org.workhealth.employer.internal.MemberKind;


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
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.organisation.People;

/**
 * Adds a wellbeing champion to a confirmed employer: by its advisor (from the employer's page) or by its own
 * wellbeing lead (from their home page). The champion gets an account with a temporary password, shown once.
 */
@Controller
class EmployerPeopleController {


    record PersonForm(String fullName, String email) {
    }

    private final EmployerAccess access;
    private final SignUps signUps;
    private final People people;

    EmployerPeopleController(EmployerAccess access, SignUps signUps, People people) {
        this.access = access;
        this.signUps = signUps;
        this.people = people;
    }

    @InitBinder("form")
    void allowFields(WebDataBinder binder) {
        binder.setAllowedFields("fullName", "email");
    }

    @GetMapping("/employers/{employerId}/people/new")
    String staffForm(CurrentUser user, @PathVariable long employerId, Model model) {
        Employer employer = byStaff(user, employerId);
        model.addAttribute("form", new PersonForm(null, null));
        return page(employer, "/employers/" + employerId, model);
    }

    @PostMapping("/employers/{employerId}/people/new")
    String staffAdd(CurrentUser user, @PathVariable long employerId, @ModelAttribute("form") PersonForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        Employer employer = byStaff(user, employerId);
        return add(user, employer, form, result, model, redirect, "/employers/" + employerId);
    }

    @GetMapping("/employer/people/new")
    String leadForm(CurrentUser user, Model model) {
        Employer employer = byLead(user);
        model.addAttribute("form", new PersonForm(null, null));
        return page(employer, "/employer", model);
    }

    @PostMapping("/employer/people/new")
    String leadAdd(CurrentUser user, @ModelAttribute("form") PersonForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        Employer employer = byLead(user);
        return add(user, employer, form, result, model, redirect, "/employer");
    }

    private String add(CurrentUser user, Employer employer, PersonForm form, BindingResult result, Model model,
            RedirectAttributes redirect, String back) {
        TextAnswer.required(result, "fullName", form.fullName(), "Enter the champion's full name", "Full name", 200);
        if (form.email() == null || form.email().isBlank()) {
            result.rejectValue("email", "required", "Enter the champion's email address");
        } else if (form.email().strip().length() > SignUpQuestion.EMAIL_MAX) {
            result.rejectValue("email", "tooLong", "Email address must be 254 characters or fewer");
        } else if (!Answers.email(form.email())) {
            result.rejectValue("email", "format", "Enter an email address in the correct format, like name@example.com");
        } else if (people.emailInUse(form.email())) {
            result.rejectValue("email", "taken", "There is already an account with this email address");
        }
        if (result.hasErrors()) {
            return page(employer, back, model);
        }
        People.Created created;
        try {
            created = signUps.addMember(user, employer.id(), form.fullName().strip(), form.email().strip(),
                    MemberKind.CHAMPION);
        } catch (SignUpRefused refused) {
            result.rejectValue("fullName", "refused", refused.getMessage());
            return page(employer, back, model);
        }
        redirect.addFlashAttribute("temporaryPassword", created.temporaryPassword());
        redirect.addFlashAttribute("passwordFor", created.person().fullName());
        redirect.addFlashAttribute("notice", created.person().fullName() + " added as a wellbeing champion.");
        return "redirect:" + back;
    }

    private Employer byStaff(CurrentUser user, long employerId) {
        EmployerListController.requireStaff(user);
        Employer employer = access.readable(user, employerId);
        if (!employer.confirmed() || !(access.advises(user, employerId) || access.manages(user, employerId))) {
            throw new OutOfScopeException();
        }
        return employer;
    }

    private Employer byLead(CurrentUser user) {
        long own = access.ownEmployer(user).orElseThrow(OutOfScopeException::new);
        Employer employer = access.changeableByEmployer(user, own);
        if (!employer.confirmed() || signUps.memberKind(user.id()).filter(k -> k == MemberKind.WELLBEING_LEAD)
                .isEmpty()) {
            throw new OutOfScopeException();
        }
        return employer;
    }

    private static String page(Employer employer, String back, Model model) {
        model.addAttribute("employer", employer);
        model.addAttribute("action", back.equals("/employer") ? "/employer/people/new"
                : "/employers/" + employer.id() + "/people/new");
        model.addAttribute("backLink", back);
        return "employer/person-new";
    }
}
