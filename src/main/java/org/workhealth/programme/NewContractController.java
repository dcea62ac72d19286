package org.workhealth.programme;

import org.workhealth.govuk.DateAnswer;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

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
import org.workhealth.organisation.AccessPolicy;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OrganisationSummary;
import org.workhealth.organisation.Organisations;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.organisation.Permission;

/**
 * Recording a delivery contract on a programme. A commissioner records contracts their organisation
 * (or one below it) commissions, with a provider that sits at or below the commissioning organisation.
 */
@Controller
class NewContractController {

    /** startsOn and endsOn are never bound: they name the date inputs for error messages. */
    record ContractForm(String reference, String providerOrganisationId, String commissionerOrganisationId,
            String area, LocalDate startsOn, String startsOnDay, String startsOnMonth, String startsOnYear,
            LocalDate endsOn, String endsOnDay, String endsOnMonth, String endsOnYear, String value) {
    }

    private static final Set<String> PROVIDER_TYPES = Set.of("PROVIDER", "LOCALITY");
    private static final Set<String> COMMISSIONER_TYPES = Set.of("NATIONAL", "HUB", "LOCALITY");

    private final Programmes programmes;
    private final Organisations organisations;
    private final AccessPolicy access;

    NewContractController(Programmes programmes, Organisations organisations, AccessPolicy access) {
        this.programmes = programmes;
        this.organisations = organisations;
        this.access = access;
    }

    @InitBinder("form")
    void allowFields(WebDataBinder binder) {
        binder.setAllowedFields("reference", "providerOrganisationId", "commissionerOrganisationId", "area",
                "startsOnDay", "startsOnMonth", "startsOnYear", "endsOnDay", "endsOnMonth", "endsOnYear", "value");
    }

    @GetMapping("/programmes/{id}/contracts/new")
    String form(CurrentUser user, @PathVariable long id, Model model) {
        Programme programme = contractable(user, id);
        List<OrganisationSummary> scope = organisations.within(access.scope(user));
        String commissioner = commissioners(scope).stream().anyMatch(o -> o.id() == user.organisationId())
                ? String.valueOf(user.organisationId()) : null;
        model.addAttribute("form", new ContractForm(null, null, commissioner, null, null, null, null, null, null, null,
                null, null, null));
        return page(programme, scope, model);
    }

    @PostMapping("/programmes/{id}/contracts/new")
    String add(CurrentUser user, @PathVariable long id, @ModelAttribute("form") ContractForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        Programme programme = contractable(user, id);
        List<OrganisationSummary> scope = organisations.within(access.scope(user));
        Map<Long, OrganisationSummary> byId = scope.stream()
                .collect(Collectors.toMap(OrganisationSummary::id, Function.identity()));

        if (Answers.requireCode(result, "reference", form.reference(), "Reference", "Enter the contract reference", 40)
                && programmes.contractReferenceInUse(form.reference())) {
            result.rejectValue("reference", "taken", "There is already a contract with this reference");
        }
        Long provider = chosen(form.providerOrganisationId(), providers(scope));
        Long commissioner = chosen(form.commissionerOrganisationId(), commissioners(scope));
        if (provider == null) {
            result.rejectValue("providerOrganisationId", "required", "Select the provider");
        }
        if (commissioner == null) {
            result.rejectValue("commissionerOrganisationId", "required", "Select the commissioning organisation");
        }
        if (provider != null && commissioner != null && !atOrBelow(provider, commissioner, byId)) {
            result.rejectValue("providerOrganisationId", "outside",
                    "Select a provider that is part of the commissioning organisation");
        }
        Answers.requireText(result, "area", form.area(), "Area", "Enter the area the contract covers", 200);
        DateAnswer starts = DateAnswer.parse("Start date", form.startsOnDay(), form.startsOnMonth(),
                form.startsOnYear());
        DateAnswer ends = DateAnswer.parse("End date", form.endsOnDay(), form.endsOnMonth(), form.endsOnYear());
        if (!starts.valid()) {
            result.rejectValue("startsOn", "invalid", starts.error());
        }
        if (!ends.valid()) {
            result.rejectValue("endsOn", "invalid", ends.error());
        }
        if (starts.valid() && ends.valid() && ends.date().isBefore(starts.date())) {
            result.rejectValue("endsOn", "beforeStart", "End date must be the same as or after the start date");
        }
        Pounds value = Pounds.parse(form.value());
        if (!value.valid()) {
            result.rejectValue("value", "invalid", value.error());
        }
        if (result.hasErrors()) {
            return page(programme, scope, model);
        }
        programmes.addContract(user, new NewContract(form.reference(), id, provider, commissioner, form.area(),
                starts.date(), ends.date(), value.pence()));
        redirect.addFlashAttribute("notice", "Contract added");
        return "redirect:/programmes/" + id;
    }

    /** Anyone who may manage programmes records contracts on a programme they can see. */
    private Programme contractable(CurrentUser user, long id) {
        if (!user.has(Permission.MANAGE_PROGRAMMES)) {
            throw new OutOfScopeException();
        }
        return programmes.visible(user, id);
    }

    /**
     * The chosen organisation, or null when none was chosen.
     * @throws OutOfScopeException for an id that the page did not offer, which only a tampered form sends
     */
    private static Long chosen(String answer, List<OrganisationSummary> offered) {
        if (Answers.clean(answer) == null) {
            return null;
        }
        Long id = Answers.id(answer);
        if (id == null || offered.stream().noneMatch(o -> o.id() == id)) {
            throw new OutOfScopeException();
        }
        return id;
    }

    private static boolean atOrBelow(long organisationId, long ancestorId, Map<Long, OrganisationSummary> byId) {
        Long current = organisationId;
        while (current != null) {
            if (current == ancestorId) {
                return true;
            }
            OrganisationSummary organisation = byId.get(current);
            current = organisation == null ? null : organisation.parentId();
        }
        return false;
    }

    private static List<OrganisationSummary> providers(List<OrganisationSummary> scope) {
        return scope.stream().filter(o -> PROVIDER_TYPES.contains(o.typeCode())).toList();
    }

    private static List<OrganisationSummary> commissioners(List<OrganisationSummary> scope) {
        return scope.stream().filter(o -> COMMISSIONER_TYPES.contains(o.typeCode())).toList();
    }

    private static String page(Programme programme, List<OrganisationSummary> scope, Model model) {
        model.addAttribute("programme", programme);
        model.addAttribute("providerItems", Answers.organisationItems(providers(scope), "Select a provider"));
        model.addAttribute("commissionerItems",
                Answers.organisationItems(commissioners(scope), "Select an organisation"));
        model.addAttribute("backLink", "/programmes/" + programme.id());
        return "programme/new-contract";
    }
}
