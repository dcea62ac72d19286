package org.workhealth.mfa;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AllRequiredFactorsAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * The factors of a sign-in, as Spring Security's {@link FactorGrantedAuthority} records them: the password
 * ({@code FACTOR_PASSWORD}, added by form login) or a single sign-on ({@code FACTOR_AUTHORIZATION_CODE}), then a code from the authenticator app ({@code FACTOR_TOTP})
 * or a recovery code ({@code FACTOR_RECOVERY_CODE}) added here, or a passkey ({@code FACTOR_WEBAUTHN}, added by
 * {@link PasskeySecondFactor}). The principal stays the one the first factor signed in: the service reads it.
 */
final class SecondFactor {

    static final String TOTP = "FACTOR_TOTP";
    static final String RECOVERY_CODE = "FACTOR_RECOVERY_CODE";
    /** A passkey (WebAuthn), as Spring Security's own WebAuthn sign-in would record it. */
    static final String PASSKEY = FactorGrantedAuthority.WEBAUTHN_AUTHORITY;

    /** The first factor is the password or a single sign-on with the organisation's own account; the second ours. */
    private static final AuthorizationManager<Object> BOTH_FACTORS = AllRequiredFactorsAuthorizationManager.anyOf(
            both(FactorGrantedAuthority.PASSWORD_AUTHORITY, TOTP),
            both(FactorGrantedAuthority.PASSWORD_AUTHORITY, RECOVERY_CODE),
            both(FactorGrantedAuthority.PASSWORD_AUTHORITY, PASSKEY),
            both(FactorGrantedAuthority.AUTHORIZATION_CODE_AUTHORITY, TOTP),
            both(FactorGrantedAuthority.AUTHORIZATION_CODE_AUTHORITY, RECOVERY_CODE),
            both(FactorGrantedAuthority.AUTHORIZATION_CODE_AUTHORITY, PASSKEY));

    private static final SecurityContextRepository CONTEXTS = new HttpSessionSecurityContextRepository();

    private SecondFactor() {
    }

    private static AllRequiredFactorsAuthorizationManager<Object> both(String first, String second) {
        return AllRequiredFactorsAuthorizationManager.builder().requireFactor(factor -> factor.authority(first))
                .requireFactor(factor -> factor.authority(second)).build();
    }

    static boolean given(Authentication authentication) {
        var result = BOTH_FACTORS.authorize(() -> authentication, authentication);
        return result != null && result.isGranted();
    }

    /** Adds a factor to the signed-in person's authentication and, as at any sign-in, gives the session a new id. */
    static void add(String factor, HttpServletRequest request, HttpServletResponse response) {
        Authentication upgraded = upgraded(SecurityContextHolder.getContext().getAuthentication(), factor);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(upgraded);
        SecurityContextHolder.setContext(context);
        request.changeSessionId();
        CONTEXTS.saveContext(context, request, response);
    }

    /** The same person, signed in by the same first factor, with one more factor. */
    static Authentication upgraded(Authentication current, String factor) {
        Collection<GrantedAuthority> authorities = new ArrayList<>(current.getAuthorities());
        authorities.add(FactorGrantedAuthority.fromAuthority(factor));
        UsernamePasswordAuthenticationToken upgraded = UsernamePasswordAuthenticationToken.authenticated(
                current.getPrincipal(), null, List.copyOf(authorities));
        upgraded.setDetails(current.getDetails());
        return upgraded;
    }
}
