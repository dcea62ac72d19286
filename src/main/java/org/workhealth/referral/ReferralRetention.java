package org.workhealth.referral;

import java.time.Instant;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.workhealth.retention.RetentionKind;
import org.workhealth.retention.RetentionStep;

/** The referral module's two kinds on the retention schedule. */
@Configuration
class ReferralRetention {

    @Bean
    RetentionStep unconvertedReferralRetention(ReferralErasure erasure) {
        return new RetentionStep() {
            @Override
            public RetentionKind kind() {
                return RetentionKind.UNCONVERTED_REFERRAL;
            }

            @Override
            public Erased eraseDue(Instant cutoff) {
                return new Erased(erasure.eraseUnconvertedBefore(cutoff), 0);
            }
        };
    }

    @Bean
    RetentionStep referralUploadRetention(ReferralErasure erasure) {
        return new RetentionStep() {
            @Override
            public RetentionKind kind() {
                return RetentionKind.REFERRAL_UPLOAD;
            }

            @Override
            public Erased eraseDue(Instant cutoff) {
                return new Erased(erasure.deleteUploadsBefore(cutoff), 0);
            }
        };
    }
}
