package org.workhealth.organisation;

import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

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

/** Administrators keep the organisation hierarchy: list, view, add and change organisations in their scope. */
@Controller
class OrganisationsController {

    record OrganisationForm(
            @NotBlank(message = "Enter the organisation's name")
            @Size(max = 200, message = "Name must be 200 characters or fewer") String name,
            @NotBlank(message = "Select the type of organisation") String typeCode,
            Long parentId,
            @Pattern(regexp = "^$|^[A-Za-z0-9]{3,10}$", message = "ODS code must be 3 to 10 letters or numbers")
            String odsCode) {
    }

    private final Organisations organisations;
    private final AccessPolicy access;

    OrganisationsController(Organisations organisations, AccessPolicy access) {
        this.organisations = organisations;
        this.access = access;
    }

    @InitBinder("form")
    void allowFields(WebDataBinder binder) {
        binder.setAllowedFields("name", "typeCode", "parentId", "odsCode");
    }

    @GetMapping("/organisations")
    String list(CurrentUser user, Model model) {
        requirePermission(user, Permission.VIEW_ORGANISATIONS);
        model.addAttribute("organisations", organisations.within(access.scope(user)));
        model.addAttribute("mayManage", user.has(Permission.MANAGE_ORGANISATIONS));
        return "organisation/organisations";
    }

    @GetMapping("/organisations/{id}")
    String show(CurrentUser user, @PathVariable long id, Model model) {
        access.require(user, Permission.VIEW_ORGANISATIONS, id);
        List<OrganisationSummary> subtree = organisations.within(Set.copyOf(organisationsBelow(id)));
        model.addAttribute("organisation", subtree.get(0));
        model.addAttribute("children", subtree.subList(1, subtree.size()));
        model.addAttribute("mayManage", access.may(user, Permission.MANAGE_ORGANISATIONS, id));
        return "organisation/organisation";
    }

    @GetMapping("/organisations/new")
    String newForm(CurrentUser user, Model model) {
        requirePermission(user, Permission.MANAGE_ORGANISATIONS);
        model.addAttribute("form", new OrganisationForm(null, null, user.organisationId(), null));
        return form(user, model, null);
    }

    @PostMapping("/organisations/new")
    String create(CurrentUser user, @Valid @ModelAttribute("form") OrganisationForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        requirePermission(user, Permission.MANAGE_ORGANISATIONS);
        checkParentAndCode(user, form, null, result);
        if (result.hasErrors()) {
            return form(user, model, null);
        }
        Organisation created = organisations.create(form.name(), form.typeCode(), form.parentId(), form.odsCode());
        redirect.addFlashAttribute("notice", created.name() + " has been added.");
        return "redirect:/organisations/" + created.id();
    }

    @GetMapping("/organisations/{id}/edit")
    String editForm(CurrentUser user, @PathVariable long id, Model model) {
        access.require(user, Permission.MANAGE_ORGANISATIONS, id);
        Organisation organisation = organisations.find(id).orElseThrow(OutOfScopeException::new);
        model.addAttribute("form", new OrganisationForm(organisation.name(), organisation.typeCode(),
                organisation.parentId(), organisation.odsCode()));
        return form(user, model, id);
    }

    @PostMapping("/organisations/{id}/edit")
    String update(CurrentUser user, @PathVariable long id, @Valid @ModelAttribute("form") OrganisationForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        access.require(user, Permission.MANAGE_ORGANISATIONS, id);
        checkParentAndCode(user, form, id, result);
        if (result.hasErrors()) {
            return form(user, model, id);
        }
        organisations.update(id, form.name(), form.typeCode(), form.parentId(), form.odsCode());
        redirect.addFlashAttribute("notice", "The organisation's details have been changed.");
        return "redirect:/organisations/" + id;
    }

    /** The parent must be one the administrator manages, and never the organisation itself or one below it. */
    private void checkParentAndCode(CurrentUser user, OrganisationForm form, Long editing, BindingResult result) {
        if (form.parentId() == null) {
            if (editing == null || organisations.find(editing).map(o -> o.parentId() != null).orElse(true)) {
                result.rejectValue("parentId", "required", "Select the organisation it belongs to");
            }
        } else if (!access.may(user, Permission.MANAGE_ORGANISATIONS, form.parentId())) {
            throw new OutOfScopeException();
        } else if (editing != null && organisationsBelow(editing).contains(form.parentId())) {
            result.rejectValue("parentId", "cycle", "An organisation cannot belong to itself or to one below it");
        }
        if (form.odsCode() != null && !form.odsCode().isBlank()) {
            organisations.findByOdsCode(form.odsCode()).filter(o -> editing == null || o.id() != editing)
                    .ifPresent(o -> result.rejectValue("odsCode", "taken", "ODS code is already used by " + o.name()));
        }
        if (form.typeCode() != null && organisations.types().stream().noneMatch(t -> t.code().equals(form.typeCode()))) {
            result.rejectValue("typeCode", "invalid", "Select the type of organisation");
        }
    }

    private Set<Long> organisationsBelow(long id) {
        return access.scopeOf(id);
    }

    private String form(CurrentUser user, Model model, Long editing) {
        OrganisationForm form = (OrganisationForm) model.getAttribute("form");
        model.addAttribute("editing", editing);
        model.addAttribute("typeItems", Choices.select("Select a type", organisations.types(), OrganisationType::code,
                OrganisationType::name, form.typeCode()));
        model.addAttribute("parentItems", Choices.select("Select an organisation",
                organisations.within(access.scope(user)).stream().filter(o -> editing == null || o.id() != editing).toList(),
                OrganisationSummary::id, o -> o.name() + " (" + o.typeName() + ")", form.parentId()));
        return "organisation/organisation-form";
    }

    private static void requirePermission(CurrentUser user, Permission permission) {
        if (!user.has(permission)) {
            throw new OutOfScopeException();
        }
    }
}
