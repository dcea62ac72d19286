package org.workhealth.mfa;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.workhealth.audit.AuditActor;
import org.workhealth.organisation.People;
import org.workhealth.organisation.Person;
import org.workhealth.organisation.Role;

/**
 * Stands between password sign-in and the rest of the service: a person who has set up an authenticator app
 * must type a code from it, and a person who must have one and has not is taken to set it up. Runs after
 * Spring Security's filters (as a plain servlet filter), so it sees who is signed in.
 */
@Component
class MfaGate extends OncePerRequestFilter {

    static final String CODE_PAGE = "/sign-in/code";
    static final String SETUP_PAGE = "/account/mfa/setup";

    private static final Set<String> ALWAYS_OPEN = Set.of("/sign-out", "/error", "/favicon.ico");
    private static final Set<String> WHILE_SIGNING_IN = Set.of(CODE_PAGE, "/sign-in/recovery-code");
    /** The password page too: a new account changes its temporary password first, and that page insists. */
    private static final Set<String> WHILE_SETTING_UP = Set.of(SETUP_PAGE, "/account/mfa/recovery-codes",
            "/account/password");

    private final MfaEnrolments enrolments;
    private final MfaPolicy policy;
    private final People people;

    MfaGate(MfaEnrolments enrolments, MfaPolicy policy, People people) {
        this.enrolments = enrolments;
        this.policy = policy;
        this.people = people;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof AuditActor actor)
                || actor.actorId() == null || open(path) || SecondFactor.given(authentication)) {
            chain.doFilter(request, response);
            return;
        }
        String needed = null;
        if (enrolments.enrolled(actor.actorId())) {
            needed = WHILE_SIGNING_IN.contains(path) ? null : CODE_PAGE;
        } else if (policy.requiresAnyone() && policy.requiredFor(currentRoles(actor))) {
            needed = WHILE_SETTING_UP.contains(path) ? null : SETUP_PAGE;
        }
        if (needed == null) {
            chain.doFilter(request, response);
        } else {
            response.sendRedirect(request.getContextPath() + needed);
        }
    }

    /** Read afresh, not from the session: a role that reads personal data granted mid-session needs MFA at once. */
    private Set<Role> currentRoles(AuditActor actor) {
        return people.findByEmail(actor.actorEmail()).map(Person::roleSet).orElse(Set.of());
    }

    private static boolean open(String path) {
        return ALWAYS_OPEN.contains(path) || path.startsWith("/assets/") || path.startsWith("/webjars/");
    }
}
