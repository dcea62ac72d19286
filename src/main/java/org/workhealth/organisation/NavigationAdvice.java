package org.workhealth.organisation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.HtmlUtils;

/** What the page layout needs on every page: who is signed in, and the links their roles open. */
@ControllerAdvice
class NavigationAdvice {

    /**
     * A link shown to people whose roles grant any of {@code needs}, or to everyone when it is empty;
     * and, when {@code roles} is not empty, only to people holding one of those roles.
     */
    private record Link(String href, String text, Set<Permission> needs, Set<Role> roles) {

        Link(String href, String text, Set<Permission> needs) {
            this(href, text, needs, Set.of());
        }

        Link(String href, String text, Permission needs) {
            this(href, text, Set.of(needs));
        }

        /** A page for these roles only, such as the caseloads managers and commissioners watch. */
        static Link forRoles(String href, String text, Role... roles) {
            return new Link(href, text, Set.of(), Set.of(roles));
        }

        boolean shownTo(CurrentUser user) {
            return (needs.isEmpty() || needs.stream().anyMatch(user::has))
                    && (roles.isEmpty() || roles.stream().anyMatch(user::has));
        }
    }

    /** National administrators only: the calendar sets deadlines everywhere. */
    private static final String BANK_HOLIDAYS = "/admin/bank-holidays";
    /** National administrators only: the lookup serves every organisation's equality reports. */
    private static final String AREA_DEPRIVATION = "/admin/area-deprivation";

    private final AccessPolicy access;

    NavigationAdvice(AccessPolicy access) {
        this.access = access;
    }

    private static final List<Link> LINKS = List.of(
            new Link("/home", "Home", Set.of()),
            new Link("/referrals/mine", "Referrals", Permission.MAKE_REFERRALS),
            new Link("/triage", "Triage", Permission.MANAGE_CASES),
            new Link("/cases", "Cases", Permission.MANAGE_CASES),
            Link.forRoles("/caseloads", "Caseloads", Role.PROVIDER_MANAGER, Role.COMMISSIONER),
            Link.forRoles("/reviews/overdue", "Overdue reviews", Role.PROVIDER_MANAGER),
            new Link("/programmes", "Programmes", Permission.VIEW_PROGRAMMES),
            new Link("/performance", "Performance", Permission.VIEW_FIGURES),
            new Link("/funding", "Funding", Set.of(Permission.SUBMIT_RETURNS_AND_CLAIMS,
                    Permission.APPROVE_RETURNS_AND_CLAIMS)),
            new Link("/returns", "Data returns", Set.of(Permission.SUBMIT_RETURNS_AND_CLAIMS,
                    Permission.APPROVE_RETURNS_AND_CLAIMS, Permission.RECEIVE_RETURNS)),
            new Link("/services", "Services", Permission.MANAGE_CASES),
            // Data sharing agreements and pseudonymised extracts (evaluation module, issue 16).
            new Link("/evaluation", "Evaluation", Set.of(Permission.RECEIVE_EXTRACTS, Permission.MANAGE_PROGRAMMES)),
            new Link("/employers", "Employers", Set.of(Permission.ADVISE_EMPLOYERS, Permission.ASSESS_EMPLOYERS,
                    Permission.MANAGE_EMPLOYER_PROGRAMME)),
            new Link("/employer", "Your employer", Permission.EMPLOYER_SELF_SERVICE),
            new Link("/thrive-at-work", "Thrive at Work", Set.of(Permission.ADVISE_EMPLOYERS,
                    Permission.MANAGE_EMPLOYER_PROGRAMME)),
            Link.forRoles("/subject-access", "Subject access", Role.PROVIDER_MANAGER, Role.COMMISSIONER),
            new Link("/organisations", "Organisations", Permission.VIEW_ORGANISATIONS),
            new Link("/people", "People", Permission.MANAGE_PEOPLE),
            new Link("/audit", "Audit log", Permission.VIEW_AUDIT_LOG),
            new Link(BANK_HOLIDAYS, "Bank holidays", Permission.MANAGE_ORGANISATIONS),
            new Link(AREA_DEPRIVATION, "Area deprivation", Permission.MANAGE_ORGANISATIONS),
            new Link("/admin/retention", "Retention", Permission.MANAGE_RETENTION),
            new Link("/admin/messages", "Messages", Permission.MANAGE_PEOPLE),
            Link.forRoles("/admin/api-clients", "API clients", Role.ADMINISTRATOR),
            new Link("/account", "Your account", Set.of()));

    @ModelAttribute
    void addNavigation(HttpServletRequest request, org.springframework.ui.Model model) {
        if (!(request.getAttribute(CurrentUserInterceptor.ATTRIBUTE) instanceof CurrentUser user)) {
            return;
        }
        model.addAttribute("currentUser", user);
        String path = CurrentUserInterceptor.path(request);
        List<Map<String, Object>> items = new ArrayList<>();
        for (Link link : LINKS) {
            // An employer's own people have their employer's page for a home (/home takes them there).
            boolean employerHome = link.href().equals("/home") && user.has(Permission.EMPLOYER_SELF_SERVICE);
            if (link.shownTo(user) && !employerHome
                    && (!(link.href().equals(BANK_HOLIDAYS) || link.href().equals(AREA_DEPRIVATION))
                            || access.isNationalAdministrator(user))) {
                boolean active = path.equals(link.href()) || path.startsWith(link.href() + "/");
                items.add(Map.of("href", link.href(), "text", link.text(), "active", active));
            }
        }
        model.addAttribute("navigationItems", items);
        model.addAttribute("signOutSlot", signOutForm(request));
    }

    /** Signing out changes state, so it is a POST form with the CSRF token, styled as a navigation link. */
    private static String signOutForm(HttpServletRequest request) {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String hidden = token == null ? "" : "<input type=\"hidden\" name=\"" + HtmlUtils.htmlEscape(token.getParameterName())
                + "\" value=\"" + HtmlUtils.htmlEscape(token.getToken()) + "\">";
        return "<li class=\"govuk-service-navigation__item\">"
                + "<form class=\"app-sign-out\" method=\"post\" action=\"" + request.getContextPath() + "/sign-out\">"
                + hidden + "<button type=\"submit\" class=\"govuk-service-navigation__link app-link-button\">Sign out</button>"
                + "</form></li>";
    }
}
