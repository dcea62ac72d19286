package org.workhealth.employer;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.organisation.Role;

/**
 * An employer's own people are not staff: whatever a staff page's own check would say, they reach only their
 * employer's pages (under {@code /employer/}), their account, and the public pages; anything else is "not found".
 * Each page still checks for itself; this keeps a staff page that forgets a role check (or shows an empty list to
 * anyone signed in) from ever opening to an employer. Their person row sits at the hub, so a check by organisation
 * alone would otherwise let them in.
 */
@Configuration(proxyBeanMethods = false)
class EmployerPeopleBoundary implements WebMvcConfigurer, HandlerInterceptor {

    /** Where an employer's own people may go; the employer module's pages for them live under /employer/. */
    static final List<String> OPEN_TO_EMPLOYERS = List.of("/", "/home", "/employer", "/employer/**", "/account",
            "/account/**", "/sign-in", "/sign-in/**", "/sign-out", "/error", "/accessibility", "/privacy", "/cookies",
            "/thrive-at-work/**", "/assets/**", "/webjars/**", "/favicon.ico");

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // After the organisation module's interceptor, which puts the signed-in person on the request.
        registry.addInterceptor(this).order(100).excludePathPatterns("/assets/**", "/webjars/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getAttribute(CurrentUser.class.getName()) instanceof CurrentUser user
                && user.roles().equals(java.util.EnumSet.of(Role.EMPLOYER))) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (OPEN_TO_EMPLOYERS.stream().noneMatch(pattern -> PATHS.match(pattern, path))) {
                throw new OutOfScopeException();
            }
        }
        return true;
    }
}
