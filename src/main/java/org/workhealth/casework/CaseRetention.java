package org.workhealth.casework;

import java.time.Instant;

import org.springframework.stereotype.Component;
import org.workhealth.retention.RetentionKind;
import org.workhealth.retention.RetentionStep;

/** Case files: erased once the schedule's period after closure has passed, unless under a legal hold. */
@Component
class CaseRetention implements RetentionStep {

    private final CaseErasure erasure;

    CaseRetention(CaseErasure erasure) {
        this.erasure = erasure;
    }

    @Override
    public RetentionKind kind() {
        return RetentionKind.CASE_FILE;
    }

    @Override
    public Erased eraseDue(Instant cutoff) {
        return erasure.eraseClosedBefore(cutoff);
    }
}
