package org.workhealth.referral;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.workhealth.govuk.RecordTitle;

/** Every page about a referral names it in its title ("Decline – Referral ABCD-2345 – WorkHealth"). */
@Configuration
class ReferralTitles implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new RecordTitle<>("referral", ReferralDetails.class, r -> "Referral " + r.reference()))
                .addPathPatterns("/referrals/*", "/referrals/*/**");
    }
}
