package org.workhealth.api;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
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
import org.workhealth.api.internal.ApiClients;
import org.workhealth.govuk.Choices;
import org.workhealth.govuk.DateAnswer;
import org.workhealth.organisation.AccessPolicy;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OrganisationSummary;
import org.workhealth.organisation.Organisations;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.organisation.Role;

/**
 * Administrators make and revoke the API clients of the organisations they manage (theirs and those below it):
 * list, answers, check answers, the token shown once, and revocation after a question. Another organisation's
 * client is "not found", whatever the URL or form says.
 */
@Controller
class ApiClientsAdminController {

    static final String BASE = "/admin/api-clients";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, h:mma", Locale.UK);

    /** A client as the list shows it. */
    record ClientRow(long id, String name, String clientKey, String organisation, String scopes, String expires,
            String lastUsed, String status) {
    }

    private final ApiClients clients;
    private final AccessPolicy access;
    private final Organisations organisations;
    private final Clock clock;

    ApiClientsAdminController(ApiClients clients, AccessPolicy access, Organisations organisations, Clock clock) {
        this.clients = clients;
        this.access = access;
        this.organisations = organisations;
        this.clock = clock;
    }

    @InitBinder("form")
    void allowFields(WebDataBinder binder) {
        binder.setAllowedFields(ApiClientForm.FIELDS);
    }

    @GetMapping(BASE)
    String list(CurrentUser user, Model model) {
        Set<Long> scope = scope(user);
        Map<Long, String> names = organisations.namesById();
        LocalDate today = today();
        model.addAttribute("clients", clients.ofOrganisations(scope).stream().map(c -> new ClientRow(c.id(),
                c.name(), c.clientKey(), names.get(c.organisationId()), scopeNames(c.scopes()),
                DateAnswer.format(c.expiresOn()), c.lastUsedAt() == null ? "Never" : when(c.lastUsedAt()),
                c.revoked() ? "REVOKED" : c.expiredOn(today) ? "EXPIRED" : "ACTIVE")).toList());
        return "api/clients";
    }

    @GetMapping(BASE + "/new")
    String form(CurrentUser user, Model model) {
        scope(user);
        model.addAttribute("form", ApiClientForm.blank());
        return formPage(user, model);
    }

    @PostMapping(BASE + "/new")
    String check(CurrentUser user, @ModelAttribute("form") ApiClientForm form, BindingResult result, Model model) {
        ApiClients.NewClient client = form.check(offered(user).keySet(), today(), result);
        if (client == null) {
            return formPage(user, model);
        }
        model.addAttribute("client", client);
        model.addAttribute("organisationName", offered(user).get(client.organisationId()));
        model.addAttribute("scopeNames", client.scopes().stream().sorted().map(ApiScope::description).toList());
        model.addAttribute("expires", DateAnswer.format(client.expiresOn()));
        model.addAttribute("hidden", form.hidden());
        return "api/check";
    }

    @PostMapping(BASE + "/new/change")
    String change(CurrentUser user, @ModelAttribute("form") ApiClientForm form, Model model) {
        scope(user);
        return formPage(user, model);
    }

    @PostMapping(BASE + "/new/confirm")
    String confirm(CurrentUser user, @ModelAttribute("form") ApiClientForm form, BindingResult result, Model model,
            HttpServletResponse response) {
        ApiClients.NewClient client = form.check(offered(user).keySet(), today(), result);
        if (client == null) {
            return formPage(user, model);
        }
        ApiClients.IssuedClient issued = clients.create(client, user.id());
        // The token is in this page alone: never kept in the session, never cached, never shown again.
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        response.setHeader(HttpHeaders.PRAGMA, "no-cache");
        model.addAttribute("client", client);
        model.addAttribute("issued", issued);
        model.addAttribute("organisationName", offered(user).get(client.organisationId()));
        return "api/issued";
    }

    @GetMapping(BASE + "/{id}/revoke")
    String revokeQuestion(CurrentUser user, @PathVariable long id, Model model) {
        ApiClients.Client client = manageable(user, id);
        model.addAttribute("client", client);
        return "api/revoke";
    }

    @PostMapping(BASE + "/{id}/revoke")
    String revoke(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        ApiClients.Client client = manageable(user, id);
        clients.revoke(client.id(), user.id());
        redirect.addFlashAttribute("notice", "API client " + client.name() + " revoked: its token no longer works");
        return "redirect:" + BASE;
    }

    private ApiClients.Client manageable(CurrentUser user, long id) {
        Set<Long> scope = scope(user);
        ApiClients.Client client = clients.find(id).filter(c -> scope.contains(c.organisationId()))
                .orElseThrow(OutOfScopeException::new);
        if (client.revoked()) {
            throw new OutOfScopeException();
        }
        return client;
    }

    private String formPage(CurrentUser user, Model model) {
        ApiClientForm form = (ApiClientForm) model.getAttribute("form");
        model.addAttribute("organisationItems", Choices.select("Select an organisation", offered(user).entrySet(),
                Map.Entry::getKey, Map.Entry::getValue, form.organisation()));
        model.addAttribute("scopeItems", Choices.options(Arrays.asList(ApiScope.values()), ApiScope::code,
                ApiScope::code, ApiScope::description, form.scopesOrEmpty()));
        model.addAttribute("latestExpiry", DateAnswer.format(today().plusYears(1)));
        return "api/form";
    }

    /** The organisations the administrator manages, by name. */
    private Map<Long, String> offered(CurrentUser user) {
        Map<Long, String> offered = new LinkedHashMap<>();
        for (OrganisationSummary o : organisations.within(scope(user))) {
            offered.put(o.id(), o.name());
        }
        return offered;
    }

    /** @throws OutOfScopeException unless an administrator */
    private Set<Long> scope(CurrentUser user) {
        if (!user.has(Role.ADMINISTRATOR)) {
            throw new OutOfScopeException();
        }
        return access.scope(user);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static String scopeNames(Set<ApiScope> scopes) {
        return scopes.stream().map(ApiScope::code).sorted().collect(Collectors.joining(", "));
    }

    private static String when(java.time.Instant at) {
        return WHEN.format(at.atZone(ZoneId.of("Europe/London"))).replace("AM", "am").replace("PM", "pm");
    }
}
