package org.workhealth.govuk;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * Puts {@code errors} ({@link FormErrors}) into every page's model from the form's binding
 * result, so that the layout shows the error summary and each field its message without
 * controllers doing anything but returning the form view.
 */
class FormErrorsInterceptor implements HandlerInterceptor {

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView modelAndView) {
        if (modelAndView == null || modelAndView.getModel().containsKey("errors")) {
            return;
        }
        FormErrors errors = FormErrors.none();
        for (Object value : modelAndView.getModel().values()) {
            if (value instanceof BindingResult result && result.hasErrors()) {
                errors = FormErrors.of(result);
                break;
            }
        }
        modelAndView.addObject("errors", errors);
    }
}
