package org.workhealth.employer;

import org.workhealth.employer.internal.EmployerAccess;
import org.workhealth.employer.internal.EmployerContact;
import org.workhealth.employer.internal.LocalAuthority;
import org.workhealth.employer.internal.MemberKind;
import org.workhealth.employer.internal.NewSite;
import org.workhealth.employer.internal.SignUpDraft;
import org.workhealth.employer.internal.Site;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.ServletRequestDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workhealth.audit.AuditLog;
import org.workhealth.govuk.Choices;
import org.workhealth.govuk.FormErrors;
import org.workhealth.govuk.TypedText;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.organisation.People;

/**
 * The home of an employer's own people at {@code /employer}: their employer's details, sites, contact and people,
 * and the way to its accreditation and case studies. They change the main contact and the sites here.
 */
@Controller
class EmployerHomeController {

    private final EmployerAccess access;
    private final EmployerDirectory directory;
    private final EmployerChanges changes;
    private final SignUps signUps;
    private final People people;
    private final AuditLog audit;

    EmployerHomeController(EmployerAccess access, EmployerDirectory directory, EmployerChanges changes,
            SignUps signUps, People people, AuditLog audit) {
        this.access = access;
        this.directory = directory;
        this.changes = changes;
        this.signUps = signUps;
        this.people = people;
        this.audit = audit;
    }

    @GetMapping("/employer")
    String home(CurrentUser user, Model model) {
        Employer employer = own(user);
        EmployerDirectory.Details details = directory.details(employer).orElseThrow(OutOfScopeException::new);
        audit.recordView("employer", employer.id(), employer.hubOrganisationId());
        model.addAttribute("details", details);
        model.addAttribute("employer", employer);
        model.addAttribute("members", EmployerPageController.members(people, details.members()));
        model.addAttribute("lead", signUps.memberKind(user.id()).filter(k -> k == MemberKind.WELLBEING_LEAD)
                .isPresent());
        return "employer/home";
    }

    @GetMapping("/employer/contact")
    String contactForm(CurrentUser user, Model model) {
        Employer employer = own(user);
        EmployerContact contact = signUps.contact(employer.id()).orElseThrow(OutOfScopeException::new);
        audit.recordView("employer", employer.id(), employer.hubOrganisationId());
        SignUpDraft draft = new SignUpDraft();
        draft.setContactName(contact.name());
        draft.setContactEmail(contact.email());
        draft.setContactPhone(contact.phone());
        model.addAttribute("draft", draft);
        model.addAttribute("backLink", "/employer");
        return "employer/contact";
    }

    @PostMapping("/employer/contact")
    String changeContact(CurrentUser user, HttpServletRequest request, Model model, RedirectAttributes redirect) {
        Employer employer = own(user);
        SignUpDraft draft = bind(request, SignUpQuestion.CONTACT.inputs());
        List<String[]> problems = SignUpQuestion.CONTACT.problems(draft);
        if (!problems.isEmpty()) {
            model.addAttribute("errors", FormErrors.ofProblems(problems));
            model.addAttribute("draft", draft);
            model.addAttribute("backLink", "/employer");
            return "employer/contact";
        }
        changes.changeContact(user, employer.id(), draft.toContact());
        redirect.addFlashAttribute("notice", "Main contact updated.");
        return "redirect:/employer";
    }

    @GetMapping("/employer/sites/new")
    String siteForm(CurrentUser user, Model model) {
        own(user);
        return sitePage(new SignUpDraft(), model);
    }

    @PostMapping("/employer/sites/new")
    String addSite(CurrentUser user, HttpServletRequest request, Model model, RedirectAttributes redirect) {
        Employer employer = own(user);
        SignUpDraft draft = bind(request, SignUpQuestion.SITES.inputs());
        List<String[]> problems = new ArrayList<>(SignUpQuestion.SITES.problems(draft));
        if (!problems.isEmpty()) {
            model.addAttribute("errors", FormErrors.ofProblems(problems));
            return sitePage(draft, model);
        }
        NewSite site = draft.sites().get(0);
        changes.addSite(user, employer.id(), site);
        redirect.addFlashAttribute("notice", "Site added.");
        return "redirect:/employer";
    }

    @PostMapping("/employer/sites/{siteId}/remove")
    String removeSite(CurrentUser user, @PathVariable long siteId, RedirectAttributes redirect) {
        Employer employer = own(user);
        boolean removed = changes.removeSite(user, employer.id(), siteId);
        redirect.addFlashAttribute("notice", removed ? "Site removed."
                : "A site could not be removed: an employer keeps at least one site.");
        return "redirect:/employer";
    }

    private Employer own(CurrentUser user) {
        long own = access.ownEmployer(user).orElseThrow(OutOfScopeException::new);
        return access.changeableByEmployer(user, own);
    }

    private static SignUpDraft bind(HttpServletRequest request, String[] fields) {
        SignUpDraft draft = new SignUpDraft();
        ServletRequestDataBinder binder = new ServletRequestDataBinder(draft, "draft");
        binder.setAllowedFields(fields);
        binder.registerCustomEditor(String.class, TypedText.editor());
        binder.bind(request);
        return draft;
    }

    private static String sitePage(SignUpDraft draft, Model model) {
        model.addAttribute("draft", draft);
        model.addAttribute("authorityItems", Choices.select("Select a local authority",
                List.of(LocalAuthority.values()), LocalAuthority::name, LocalAuthority::label,
                draft.getSiteAuthority()[0]));
        model.addAttribute("backLink", "/employer");
        return "employer/site-new";
    }
}
