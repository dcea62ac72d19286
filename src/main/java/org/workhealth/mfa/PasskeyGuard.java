package org.workhealth.mfa;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.workhealth.audit.AuditActor;

/**
 * Stands in front of Spring Security's passkey registration endpoints ({@code /webauthn/register/**}), which
 * answer inside the security filters and so never reach {@link MfaGate}: only a person who has finished both
 * steps of signing in may add a passkey (a stolen password alone must not be able to add a second factor), a
 * passkey is removed only through the account page (which audits it), and a registration the relying party
 * refuses is a 400 with a message, not a server error.
 */
class PasskeyGuard extends OncePerRequestFilter {

    private static final String REGISTER = "/webauthn/register";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals(REGISTER) || path.startsWith(REGISTER + "/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean signedInFully = authentication != null && authentication.getPrincipal() instanceof AuditActor
                && SecondFactor.given(authentication);
        if (!signedInFully || !HttpMethod.POST.matches(request.getMethod())) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (AccessDeniedException | AuthenticationException e) {
            throw e;
        } catch (RuntimeException e) {
            if (response.isCommitted()) {
                throw e;
            }
            String message = e instanceof PasskeyNames.Refused refused ? refused.getMessage()
                    : "The passkey could not be added. Try again";
            response.resetBuffer();
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"success\":false,\"error\":\"" + message + "\"}");
        }
    }
}
