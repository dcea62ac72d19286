package org.workhealth.organisation;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Re-reads the signed-in person on every request, so that a deactivated account is signed out
 * at once and role changes apply straight away; sends people who must change their password
 * to do so before anything else.
 */
@Component
class CurrentUserInterceptor implements HandlerInterceptor {

    static final String ATTRIBUTE = CurrentUser.class.getName();
    private static final java.util.Set<String> PASSWORD_CHANGE_PATHS = java.util.Set.of("/account/password",
            "/sign-out", "/error", "/sign-in/code", "/sign-in/recovery-code");

    private final StaffDirectory directory;

    CurrentUserInterceptor(StaffDirectory directory) {
        this.directory = directory;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof StaffUserDetails signedIn)) {
            return true;
        }
        StaffUserDetails fresh = directory.reload(signedIn.user().id()).orElse(null);
        if (fresh == null || !fresh.active()) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            response.sendRedirect(request.getContextPath() + "/sign-in");
            return false;
        }
        request.setAttribute(ATTRIBUTE, fresh.user());
        if (fresh.mustChangePassword() && !PASSWORD_CHANGE_PATHS.contains(path(request))) {
            response.sendRedirect(request.getContextPath() + "/account/password");
            return false;
        }
        return true;
    }

    static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
