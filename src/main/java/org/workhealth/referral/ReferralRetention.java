package org.workhealth.referral;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.workhealth.retention.RetentionKind;
import org.workhealth.retention.RetentionStep;

/** The referral module's two kinds on the retention schedule. */
@Configuration
class ReferralRetention {

    @Bean
    RetentionStep unconvertedReferralRetention(ReferralErasure erasure) {
        return RetentionStep.of(RetentionKind.UNCONVERTED_REFERRAL,
                cutoff -> new RetentionStep.Erased(erasure.eraseUnconvertedBefore(cutoff), 0));
    }

    @Bean
    RetentionStep referralUploadRetention(ReferralErasure erasure) {
        return RetentionStep.of(RetentionKind.REFERRAL_UPLOAD,
                cutoff -> new RetentionStep.Erased(erasure.deleteUploadsBefore(cutoff), 0));
    }
}
