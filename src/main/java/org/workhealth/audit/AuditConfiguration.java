package org.workhealth.audit;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Views are written when the page has been shown: see {@link AuditViewsInterceptor}. */
@Configuration
class AuditConfiguration implements WebMvcConfigurer {

    private final AuditLog audit;

    AuditConfiguration(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AuditViewsInterceptor(audit)).excludePathPatterns("/assets/**", "/webjars/**");
    }
}
