package org.workhealth.fhir;


import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.workhealth.api.ApiAuthentication;
import org.workhealth.api.ApiScope;
import org.workhealth.fhir.internal.OperationOutcomeRefusal;
import org.workhealth.fhir.internal.ReferralFhirServer;
import org.workhealth.fhir.internal.ServiceRequestProvider;
import org.workhealth.fhir.internal.TransactionProvider;

/**
 * The FHIR server at {@code /fhir/*}, outside Spring MVC, behind its own stateless chain: a GP practice's API client
 * token on every call but the CapabilityStatement (FHIR clients read {@code /fhir/metadata} before they have
 * credentials, and it holds nothing private), referrals.write to send, referrals.read to read a status, and
 * refusals as OperationOutcomes.
 */
@Configuration
class FhirServerConfiguration {

    @Bean
    ServletRegistrationBean<ReferralFhirServer> fhirServlet(ServiceRequestProvider serviceRequests,
            TransactionProvider transactions) {
        ServletRegistrationBean<ReferralFhirServer> registration = new ServletRegistrationBean<>(
                new ReferralFhirServer(serviceRequests, transactions), "/fhir/*");
        registration.setName("fhir");
        registration.setLoadOnStartup(1);
        return registration;
    }

    @Bean
    @Order(2)
    SecurityFilterChain fhirSecurityFilterChain(HttpSecurity http, ApiAuthentication authentication) throws Exception {
        String write = ApiScope.REFERRALS_WRITE.authority();
        String read = ApiScope.REFERRALS_READ.authority();
        http.securityMatcher("/fhir", "/fhir/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/fhir/metadata").permitAll()
                        .requestMatchers(HttpMethod.POST, "/fhir", "/fhir/", "/fhir/ServiceRequest").hasAuthority(write)
                        .requestMatchers(HttpMethod.GET, "/fhir/ServiceRequest/*").hasAuthority(read)
                        .anyRequest().authenticated());
        authentication.statelessWithToken(http, OperationOutcomeRefusal::write,
                "This client does not have the scope for this.");
        return http.build();
    }
}
