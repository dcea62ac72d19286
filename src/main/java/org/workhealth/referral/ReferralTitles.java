package org.workhealth.referral;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Names the referral in the title of every page about one ("Decline – Referral ABCD-2345 – WorkHealth"),
 * so that tabs and history say which referral each page is. The layout reads {@code titleRecord}.
 */
@Configuration
class ReferralTitles implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/referrals/*", "/referrals/*/**");
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView modelAndView) {
        if (modelAndView != null && modelAndView.getModel().get("referral") instanceof ReferralDetails referral
                && !modelAndView.getModel().containsKey("titleRecord")) {
            modelAndView.addObject("titleRecord", "Referral " + referral.reference());
        }
    }
}
