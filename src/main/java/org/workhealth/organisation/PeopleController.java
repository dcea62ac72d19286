package org.workhealth.organisation;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
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
import org.workhealth.audit.AuditLog;
import org.workhealth.audit.AuditedRecord;
import org.workhealth.govuk.Choices;

/** Administrators create staff accounts and manage their roles, passwords and access. */
@Controller
class PeopleController {

    record PersonForm(
            @NotBlank(message = "Enter the person's full name")
            @Size(max = 200, message = "Full name must be 200 characters or fewer") String fullName,
            @NotBlank(message = "Enter an email address")
            @Email(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$",
                    message = "Enter an email address in the correct format, like name@example.com")
            @Size(max = 254, message = "Email address must be 254 characters or fewer") String email,
            @NotNull(message = "Select the organisation they work for") Long organisationId,
            @NotEmpty(message = "Select at least one role") Set<Role> roles) {
    }

    record RolesForm(@NotEmpty(message = "Select at least one role") Set<Role> roles) {
    }

    private final People people;
    private final PersonRoles roles;
    private final Organisations organisations;
    private final AccessPolicy access;
    private final AuditLog audit;

    PeopleController(People people, PersonRoles roles, Organisations organisations, AccessPolicy access,
            AuditLog audit) {
        this.people = people;
        this.roles = roles;
        this.organisations = organisations;
        this.access = access;
        this.audit = audit;
    }

    @InitBinder("form")
    void allowPersonFields(WebDataBinder binder) {
        binder.setAllowedFields("fullName", "email", "organisationId", "roles");
    }

    @InitBinder("rolesForm")
    void allowRoleFields(WebDataBinder binder) {
        binder.setAllowedFields("roles");
    }

    @GetMapping("/people")
    String list(CurrentUser user, Model model) {
        requireManager(user);
        List<Person> visible = people.within(access.scope(user));
        audit.recordListView("person-list", AuditedRecord.all("person", visible.stream().map(Person::id).toList()));
        model.addAttribute("people", visible);
        model.addAttribute("grantsToDecide", roles.grantsToDecide(user));
        model.addAttribute("organisationNames", organisations.namesById());
        return "organisation/people";
    }

    @GetMapping("/people/new")
    String newForm(CurrentUser user, Model model) {
        requireManager(user);
        model.addAttribute("form", new PersonForm(null, null, null, Set.of()));
        return personForm(user, model);
    }

    @PostMapping("/people/new")
    String create(CurrentUser user, @Valid @ModelAttribute("form") PersonForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        requireManager(user);
        if (form.organisationId() != null && !access.may(user, Permission.MANAGE_PEOPLE, form.organisationId())) {
            throw new OutOfScopeException();
        }
        if (!result.hasFieldErrors("email") && people.emailInUse(form.email())) {
            result.rejectValue("email", "taken", "There is already an account with this email address");
        }
        if (result.hasErrors()) {
            return personForm(user, model);
        }
        People.Created created = people.create(user,
                new NewPerson(form.fullName(), form.email(), form.organisationId(), EnumSet.copyOf(form.roles())));
        redirect.addFlashAttribute("temporaryPassword", created.temporaryPassword());
        awaitingNotice(created.awaitingApproval(), redirect);
        return "redirect:/people/" + created.person().id();
    }

    @GetMapping("/people/{id}")
    String show(CurrentUser user, @PathVariable long id, Model model) {
        Person person = people.manageable(user, id);
        audit.recordView("person", id, person.organisationId());
        model.addAttribute("person", person);
        model.addAttribute("organisationName", organisations.find(person.organisationId()).map(Organisation::name)
                .orElse(""));
        model.addAttribute("locked", person.lockedAt(java.time.Instant.now()));
        model.addAttribute("isSelf", person.id() == user.id());
        model.addAttribute("pendingGrants", roles.pendingGrants(user, id).stream()
                .map(g -> java.util.Map.of("grant", g, "decidable", g.mayBeDecidedBy(user))).toList());
        return "organisation/person";
    }

    @GetMapping("/people/{id}/roles")
    String rolesForm(CurrentUser user, @PathVariable long id, Model model) {
        Person person = someoneElse(user, id);
        audit.recordView("person", id, person.organisationId());
        model.addAttribute("person", person);
        model.addAttribute("rolesForm", new RolesForm(person.roleSet()));
        return rolesPage(model);
    }

    @PostMapping("/people/{id}/roles")
    String changeRoles(CurrentUser user, @PathVariable long id, @Valid @ModelAttribute("rolesForm") RolesForm rolesForm,
            BindingResult result, Model model, RedirectAttributes redirect) {
        Person person = people.manageable(user, id);
        if (result.hasErrors()) {
            model.addAttribute("person", person);
            return rolesPage(model);
        }
        Set<Role> awaiting = roles.changeRoles(user, id, EnumSet.copyOf(rolesForm.roles()));
        redirect.addFlashAttribute("notice", "Roles changed for " + person.fullName() + ".");
        awaitingNotice(awaiting, redirect);
        return "redirect:/people/" + id;
    }

    static void awaitingNotice(Set<Role> awaiting, RedirectAttributes redirect) {
        if (!awaiting.isEmpty()) {
            redirect.addFlashAttribute("awaitingApproval", awaiting.stream().map(Role::label).toList());
        }
    }

    @GetMapping("/people/{id}/deactivate")
    String confirmDeactivate(CurrentUser user, @PathVariable long id, Model model) {
        Person person = someoneElse(user, id);
        audit.recordView("person", id, person.organisationId());
        model.addAttribute("person", person);
        model.addAttribute("backLink", "/people/" + id);
        return "organisation/person-deactivate";
    }

    @PostMapping("/people/{id}/deactivate")
    String deactivate(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        Person person = someoneElse(user, id);
        people.deactivate(user, id);
        redirect.addFlashAttribute("notice", person.fullName() + " can no longer sign in.");
        return "redirect:/people/" + id;
    }

    @PostMapping("/people/{id}/reactivate")
    String reactivate(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        Person person = people.reactivate(user, id);
        redirect.addFlashAttribute("notice", person.fullName() + " can sign in again.");
        return "redirect:/people/" + id;
    }

    @PostMapping("/people/{id}/reset-password")
    String resetPassword(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("temporaryPassword", people.resetPassword(user, id));
        return "redirect:/people/" + id;
    }

    private String personForm(CurrentUser user, Model model) {
        PersonForm form = (PersonForm) model.getAttribute("form");
        model.addAttribute("organisationItems", Choices.select("Select an organisation",
                organisations.within(access.scope(user)), OrganisationSummary::id,
                o -> o.name() + " (" + o.typeName() + ")", form.organisationId()));
        model.addAttribute("roleItems", roleItems(form.roles()));
        return "organisation/person-form";
    }

    private String rolesPage(Model model) {
        RolesForm form = (RolesForm) model.getAttribute("rolesForm");
        model.addAttribute("roleItems", roleItems(form.roles()));
        return "organisation/person-roles";
    }

    private static List<java.util.Map<String, Object>> roleItems(Set<Role> chosen) {
        return Choices.options(List.of(Role.values()), Role::name, Role::label, Role::description, chosen);
    }

    /** A person the user manages, other than themselves: nobody changes their own roles or access. */
    private Person someoneElse(CurrentUser user, long id) {
        Person person = people.manageable(user, id);
        if (person.id() == user.id()) {
            throw new OutOfScopeException();
        }
        return person;
    }

    private static void requireManager(CurrentUser user) {
        if (!user.has(Permission.MANAGE_PEOPLE)) {
            throw new OutOfScopeException();
        }
    }
}
