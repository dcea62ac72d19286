package org.workhealth.organisation;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.workhealth.audit.AuditLog;

/**
 * After an organisation's OpenID provider has signed someone in: the service decides who they are here. The
 * provider must be configured for an organisation, vouch for the email's domain and say the email is verified;
 * the email must belong to an active, unlocked account of that organisation or one below it. Then the person is
 * signed in exactly as by password (their roles are the service's, never the provider's); otherwise nobody is.
 */
@org.springframework.stereotype.Component
class SingleSignOn implements AuthenticationSuccessHandler {

    static final String REFUSED = "/sign-in?singleSignOnRefused";

    private final SingleSignOnProperties properties;
    private final PersonRepository people;
    private final Organisations organisations;
    private final OrganisationHierarchy hierarchy;
    private final StaffDirectory directory;
    private final AuditLog audit;
    private final Clock clock;
    private final SessionRegistry sessions;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    SingleSignOn(SingleSignOnProperties properties, PersonRepository people, Organisations organisations,
            OrganisationHierarchy hierarchy, StaffDirectory directory, AuditLog audit, Clock clock,
            SessionRegistry sessions) {
        this.sessions = sessions;
        this.properties = properties;
        this.people = people;
        this.organisations = organisations;
        this.hierarchy = hierarchy;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        OAuth2AuthenticationToken token = (OAuth2AuthenticationToken) authentication;
        OidcUser claims = (OidcUser) token.getPrincipal();
        String registration = token.getAuthorizedClientRegistrationId();
        Optional<StaffUserDetails> staff = staff(registration, claims);
        if (staff.isEmpty()) {
            audit.recordSignIn("SIGN_IN_REFUSED", claims.getEmail() == null ? "(no email from " + registration + ")"
                    : claims.getEmail(), null, null);
            // Signed out again, keeping the session so that the page saying why is not taken for a timed-out one.
            SecurityContext empty = SecurityContextHolder.createEmptyContext();
            SecurityContextHolder.setContext(empty);
            contexts.saveContext(empty, request, response);
            response.sendRedirect(request.getContextPath() + REFUSED);
            return;
        }
        StaffUserDetails details = staff.get().withoutPassword();
        List<GrantedAuthority> authorities = new ArrayList<>(details.getAuthorities());
        authorities.add(FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.AUTHORIZATION_CODE_AUTHORITY)
                .issuedAt(clock.instant()).build());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(details, null, authorities));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        // Known by the account, not the provider's user, so that a password change or reset ends this session too.
        sessions.removeSessionInformation(request.getSession().getId());
        sessions.registerNewSession(request.getSession().getId(), details);
        audit.recordSignIn("SIGN_IN", details.user().email(), details.user().id(), details.user().organisationId());
        response.sendRedirect(request.getContextPath() + "/home");
    }

    private Optional<StaffUserDetails> staff(String registration, OidcUser claims) {
        SingleSignOnProperties.Provider provider = properties.providers().get(registration);
        String email = claims.getEmail();
        if (provider == null || email == null || !Boolean.TRUE.equals(claims.getEmailVerified())
                || !provider.vouchesFor(email)) {
            return Optional.empty();
        }
        Optional<Organisation> organisation = organisations.findByName(provider.organisation());
        return people.findByEmail(Person.normaliseEmail(email))
                .filter(person -> organisation.isPresent()
                        && hierarchy.scopeOf(organisation.get().id()).contains(person.organisationId()))
                .flatMap(person -> directory.reload(person.id()))
                .filter(details -> details.active() && !details.locked());
    }
}
