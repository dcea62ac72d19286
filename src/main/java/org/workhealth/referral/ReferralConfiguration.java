package org.workhealth.referral;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.workhealth.organisation.PublicPaths;

@Configuration
class ReferralConfiguration {

    /** Anyone may refer themselves or someone else without an account. */
    @Bean
    PublicPaths referralPublicPaths() {
        return new PublicPaths("/refer", "/refer/**");
    }
}
