package org.workhealth.casework;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Names the case in the title of every page that shows one ("Action plan – Case ABCD-2345 – WorkHealth"),
 * so that a practitioner with several cases open in tabs, or going back through history, can tell them
 * apart. The layout reads {@code titleRecord}.
 */
@Configuration
class CaseTitles implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/cases/*", "/cases/*/**");
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView modelAndView) {
        if (modelAndView != null && modelAndView.getModel().get("supportCase") instanceof SupportCase supportCase
                && !modelAndView.getModel().containsKey("titleRecord")) {
            modelAndView.addObject("titleRecord", "Case " + supportCase.reference());
        }
    }
}
