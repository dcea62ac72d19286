package org.workhealth.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Writes a request's views once its handler has answered with a page or a file. A handler that ends in "not
 * found", a refusal or an error never reaches {@link #postHandle}, and a redirect shows nothing, so neither leaves
 * a VIEW entry, however early the handler recorded it.
 */
class AuditViewsInterceptor implements HandlerInterceptor {

    private final AuditLog audit;

    AuditViewsInterceptor(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        PendingViews.handling(request);
        return true;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView modelAndView) {
        int status = response.getStatus();
        if (status >= 200 && status < 300 && !redirect(modelAndView)) {
            audit.writePendingViews(request);
        } else {
            PendingViews.discard(request);
        }
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        PendingViews.discard(request);
    }

    private static boolean redirect(ModelAndView modelAndView) {
        if (modelAndView == null) {
            return false;
        }
        String name = modelAndView.getViewName();
        return (name != null && (name.startsWith("redirect:") || name.startsWith("forward:")))
                || modelAndView.getView() instanceof RedirectView;
    }
}
