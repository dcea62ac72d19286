package org.workhealth.organisation;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which organisation each OpenID Connect provider signs people in for, and the email domains it vouches for. The
 * provider itself (issuer, client id and secret) is a standard Spring Security client registration of the same id.
 *
 * @param providers by registration id, as in {@code spring.security.oauth2.client.registration.<id>}
 */
@ConfigurationProperties("workhealth.single-sign-on")
record SingleSignOnProperties(Map<String, Provider> providers) {

    SingleSignOnProperties {
        providers = providers == null ? Map.of() : Map.copyOf(providers);
    }

    /**
     * @param organisation the organisation's name in the service: people of it and of the organisations below it
     *                     may sign in through this provider
     * @param emailDomains the domains whose verified addresses this provider may vouch for, such as {@code nhs.net}
     */
    record Provider(String organisation, List<String> emailDomains) {

        Provider {
            emailDomains = emailDomains == null ? List.of()
                    : emailDomains.stream().map(d -> d.strip().toLowerCase(Locale.ROOT)).toList();
        }

        boolean vouchesFor(String email) {
            int at = email.lastIndexOf('@');
            return at > 0 && emailDomains.contains(email.substring(at + 1).toLowerCase(Locale.ROOT));
        }
    }
}
