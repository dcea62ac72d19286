package org.workhealth.employer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.workhealth.organisation.PublicPaths;

/** The employer sign-up form is public: employers have no account until their sign-up is confirmed. */
@Configuration(proxyBeanMethods = false)
class EmployerConfiguration {

    @Bean
    PublicPaths employerPublicPaths() {
        return new PublicPaths(SignUpFlow.Mode.PUBLIC.base(), SignUpFlow.Mode.PUBLIC.base() + "/**");
    }
}
