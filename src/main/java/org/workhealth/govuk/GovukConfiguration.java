package org.workhealth.govuk;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.thymeleaf.ITemplateEngine;
import org.workhealth.govuk.internal.GovukComponents;
import org.workhealth.govuk.internal.GovukDialect;

/** Registers the GOV.UK dialect with Spring Boot's template engine and maps form errors for every page. */
@Configuration
class GovukConfiguration implements WebMvcConfigurer {

    @Bean
    GovukDialect govukDialect() {
        return new GovukDialect();
    }

    @Bean
    GovukComponents govukComponents(ITemplateEngine templateEngine) {
        return new GovukComponents(templateEngine);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new FormErrorsInterceptor()).excludePathPatterns("/assets/**", "/webjars/**");
    }
}
