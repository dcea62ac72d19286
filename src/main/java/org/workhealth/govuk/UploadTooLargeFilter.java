package org.workhealth.govuk;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sends a file over the server's size limit, posted to a declared {@link UploadForm}, back to the form's page with
 * {@code ?error=too-large}, where the page shows the GOV.UK error on its file field.
 *
 * <p>Why a filter: the first filter that reads a parameter (Spring Security's CSRF check does) makes Tomcat parse
 * the body, and Tomcat answers a body over the limit with a 413 of its own before any controller or controller
 * advice runs. So the parts are read here first, ahead of security. Redirecting changes nothing and shows nothing
 * (the page it goes to checks who may see it), so it needs no CSRF token or sign-in of its own.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class UploadTooLargeFilter extends OncePerRequestFilter {

    private final UploadForms forms;

    UploadTooLargeFilter(UploadForms forms) {
        this.forms = forms;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String contentType = request.getContentType();
        return !"POST".equals(request.getMethod()) || contentType == null
                || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")
                || forms.postedTo(path(request)).isEmpty();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            request.getParts();
        } catch (IllegalStateException | IOException | ServletException e) {
            if (tooLarge(e)) {
                UploadForm form = forms.postedTo(path(request)).orElseThrow();
                response.sendRedirect(request.getContextPath() + form.page() + "?error=" + UploadForm.TOO_LARGE);
                return;
            }
            // Some other fault in the body: the usual handling answers it.
        }
        chain.doFilter(request, response);
    }

    /** As Spring words the test: some cause says a size was exceeded (Tomcat's and Jetty's messages both do). */
    static boolean tooLarge(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            String message = cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(Locale.ROOT);
            if ((message.contains("size") && message.contains("exceed"))
                    || cause.getClass().getSimpleName().contains("SizeLimitExceeded")) {
                return true;
            }
        }
        return false;
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
