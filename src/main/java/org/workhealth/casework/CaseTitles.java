package org.workhealth.casework;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.workhealth.govuk.RecordTitle;

/** Every page of a case names it in its title, so a practitioner with several cases open can tell them apart. */
@Configuration
class CaseTitles implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new RecordTitle<>("supportCase", SupportCase.class, c -> "Case " + c.reference()))
                .addPathPatterns("/cases/*", "/cases/*/**");
    }
}
