package org.workhealth.casework;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import org.workhealth.govuk.TextAnswer;
import org.workhealth.organisation.AccessPolicy;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OrganisationSummary;
import org.workhealth.organisation.Organisations;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.casework.internal.ServiceType;
import org.workhealth.casework.internal.SupportService;

/** The services directory: everyone who manages cases or programmes browses it; managers keep it. */
@Controller
class ServicesController {

    record ServiceForm(String organisationId, String name, String type, String area, String contact,
            String eligibility) {
    }

    record ServiceRow(long id, String name, String type, String area, String contact, String eligibility,
            String owner, boolean editable) {
    }

    private final ServiceDirectory directory;
    private final Organisations organisations;
    private final AccessPolicy access;

    ServicesController(ServiceDirectory directory, Organisations organisations, AccessPolicy access) {
        this.directory = directory;
        this.organisations = organisations;
        this.access = access;
    }

    @InitBinder("form")
    void allowFields(WebDataBinder binder) {
        binder.setAllowedFields("organisationId", "name", "type", "area", "contact", "eligibility");
    }

    @GetMapping("/services")
    String list(CurrentUser user, Model model) {
        if (!directory.mayBrowse(user)) {
            throw new OutOfScopeException();
        }
        Map<Long, String> names = organisations.namesById();
        model.addAttribute("services", directory.visibleTo(user.organisationId()).stream()
                .map(s -> new ServiceRow(s.id(), s.name(), s.type().label(), s.area(), s.contact(),
                        s.eligibility() == null ? "" : s.eligibility(), names.getOrDefault(s.organisationId(), ""),
                        directory.mayEdit(user, s.organisationId())))
                .toList());
        model.addAttribute("mayAdd", directory.mayAdd(user));
        return "casework/services";
    }

    @GetMapping("/services/new")
    String newService(CurrentUser user, Model model) {
        requireAdd(user);
        model.addAttribute("form", new ServiceForm(String.valueOf(user.organisationId()), null, null, null, null,
                null));
        return form(user, null, model);
    }

    @PostMapping("/services/new")
    String add(CurrentUser user, @ModelAttribute("form") ServiceForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        requireAdd(user);
        ServiceDirectory.ServiceDetails details = validate(user, form, result);
        if (result.hasErrors()) {
            return form(user, null, model);
        }
        directory.add(details);
        redirect.addFlashAttribute("notice", details.name() + " added to the services directory");
        return "redirect:/services";
    }

    @GetMapping("/services/{id}/edit")
    String edit(CurrentUser user, @PathVariable long id, Model model) {
        SupportService service = editable(user, id);
        model.addAttribute("form", new ServiceForm(String.valueOf(service.organisationId()), service.name(),
                service.type().name(), service.area(), service.contact(), service.eligibility()));
        return form(user, service, model);
    }

    @PostMapping("/services/{id}/edit")
    String update(CurrentUser user, @PathVariable long id, @ModelAttribute("form") ServiceForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        SupportService service = editable(user, id);
        ServiceDirectory.ServiceDetails details = validate(user, form, result);
        if (result.hasErrors()) {
            return form(user, service, model);
        }
        directory.update(id, details);
        redirect.addFlashAttribute("notice", details.name() + " changed");
        return "redirect:/services";
    }

    private void requireAdd(CurrentUser user) {
        if (!directory.mayAdd(user)) {
            throw new OutOfScopeException();
        }
    }

    private SupportService editable(CurrentUser user, long id) {
        SupportService service = directory.find(id).orElseThrow(OutOfScopeException::new);
        if (!directory.mayEdit(user, service.organisationId())) {
            throw new OutOfScopeException();
        }
        return service;
    }

    /** Checks the answers; the owner is re-checked against the person's scope because ids from forms are not trusted. */
    private ServiceDirectory.ServiceDetails validate(CurrentUser user, ServiceForm form, BindingResult result) {
        Long owner = parseId(form.organisationId());
        if (owner == null || !directory.mayEdit(user, owner)) {
            result.rejectValue("organisationId", "required", "Select the organisation that keeps this service");
        }
        String name = TextAnswer.required(result, "name", form.name(), "Enter the name of the service",
                "Name of the service", 200);
        ServiceType type = parseType(form.type());
        if (type == null) {
            result.rejectValue("type", "required", "Select the type of service");
        }
        String area = TextAnswer.required(result, "area", form.area(), "Enter the area the service covers", "Area", 200);
        String contact = TextAnswer.required(result, "contact", form.contact(), "Enter how to contact the service",
                "Contact details", 500);
        String eligibility = TextAnswer.optional(result, "eligibility", form.eligibility(), "Eligibility notes", 2000);
        if (result.hasErrors()) {
            return null;
        }
        return new ServiceDirectory.ServiceDetails(owner, name, type, area, contact, eligibility);
    }

    private String form(CurrentUser user, SupportService service, Model model) {
        ServiceForm form = (ServiceForm) model.getAttribute("form");
        Set<Long> scope = access.scope(user);
        List<OrganisationSummary> owners = organisations.within(scope).stream()
                .filter(o -> directory.mayEdit(user, o.id())).toList();
        model.addAttribute("service", service);
        model.addAttribute("ownerItems", Choices.select(null, owners, OrganisationSummary::id,
                OrganisationSummary::name, form.organisationId()));
        model.addAttribute("typeItems", Choices.options(Arrays.asList(ServiceType.values()), Enum::name,
                ServiceType::label, null, form.type() == null ? List.of() : List.of(form.type())));
        model.addAttribute("backLink", "/services");
        return "casework/service-form";
    }


    private static Long parseId(String value) {
        try {
            return value == null ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static ServiceType parseType(String value) {
        try {
            return value == null || value.isBlank() ? null : ServiceType.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
