package org.workhealth.programme;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workhealth.organisation.AccessPolicy;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.Organisations;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.organisation.Permission;

/** Adding a programme, owned by an organisation in the commissioner's scope. */
@Controller
class NewProgrammeController {

    record ProgrammeForm(String code, String name, String supportType, String description,
            String ownerOrganisationId) {
    }

    private final Programmes programmes;
    private final Organisations organisations;
    private final AccessPolicy access;

    NewProgrammeController(Programmes programmes, Organisations organisations, AccessPolicy access) {
        this.programmes = programmes;
        this.organisations = organisations;
        this.access = access;
    }

    @InitBinder("form")
    void allowFields(WebDataBinder binder) {
        binder.setAllowedFields("code", "name", "supportType", "description", "ownerOrganisationId");
    }

    @GetMapping("/programmes/new")
    String form(CurrentUser user, Model model) {
        requireManager(user);
        model.addAttribute("form", new ProgrammeForm(null, null, null, null, String.valueOf(user.organisationId())));
        return page(user, model);
    }

    @PostMapping("/programmes/new")
    String create(CurrentUser user, @ModelAttribute("form") ProgrammeForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        requireManager(user);
        if (Answers.requireCode(result, "code", form.code(), "Code", "Enter a code for the programme", 40)
                && programmes.codeInUse(form.code())) {
            result.rejectValue("code", "taken", "There is already a programme with this code");
        }
        Answers.checkProgrammeDetails(result, form.name(), form.supportType(), form.description());
        Long owner = Answers.id(form.ownerOrganisationId());
        if (owner == null) {
            result.rejectValue("ownerOrganisationId", "required", "Select the organisation that owns the programme");
        }
        if (result.hasErrors()) {
            return page(user, model);
        }
        // Programmes.create checks that the owner is in the person's scope: a tampered id is "not found".
        Programme created = programmes.create(user, form.code(), form.name(), Answers.supportType(form.supportType()),
                Answers.clean(form.description()), owner);
        redirect.addFlashAttribute("notice", "Programme added");
        return "redirect:/programmes/" + created.id();
    }

    private String page(CurrentUser user, Model model) {
        model.addAttribute("supportTypeItems", Answers.supportTypeItems());
        model.addAttribute("ownerItems", Answers.organisationItems(organisations.within(access.scope(user)),
                "Select an organisation"));
        model.addAttribute("backLink", "/programmes");
        return "programme/new-programme";
    }

    private static void requireManager(CurrentUser user) {
        if (!user.has(Permission.MANAGE_PROGRAMMES)) {
            throw new OutOfScopeException();
        }
    }
}
