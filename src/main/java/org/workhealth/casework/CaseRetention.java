package org.workhealth.casework;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.workhealth.retention.RetentionKind;
import org.workhealth.retention.RetentionStep;

/** Case files: erased once the schedule's period after closure has passed, unless under a legal hold. */
@Configuration
class CaseRetention {

    @Bean
    RetentionStep caseFileRetention(CaseErasure erasure) {
        return RetentionStep.of(RetentionKind.CASE_FILE, erasure::eraseClosedBefore);
    }
}
