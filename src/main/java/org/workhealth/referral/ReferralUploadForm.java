package org.workhealth.referral;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.workhealth.govuk.UploadForm;

/** The bulk referral upload: a file over the server's limit comes back to the upload page with the GOV.UK error. */
@Configuration
class ReferralUploadForm {

    @Bean
    UploadForm referralUpload() {
        return new UploadForm("/referrals/upload", "/referrals/upload");
    }
}
