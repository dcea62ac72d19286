package org.workhealth.employer.assessment;

import java.time.Period;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/** The settings of accreditation (README's settings table), with their defaults. */
@Component
class AccreditationSettings {

    private final Period awardValidFor;
    private final Period reaccreditationDueBefore;
    private final DataSize evidenceMaxSize;
    private final boolean assessorMustDifferFromAdvisor;

    AccreditationSettings(@Value("${workhealth.employer.award-valid-for:P2Y}") Period awardValidFor,
            @Value("${workhealth.employer.reaccreditation-due-before:P3M}") Period reaccreditationDueBefore,
            @Value("${workhealth.employer.evidence-max-size:10MB}") DataSize evidenceMaxSize,
            @Value("${workhealth.employer.assessor-must-differ-from-advisor:true}") boolean mustDiffer) {
        this.awardValidFor = awardValidFor;
        this.reaccreditationDueBefore = reaccreditationDueBefore;
        this.evidenceMaxSize = evidenceMaxSize;
        this.assessorMustDifferFromAdvisor = mustDiffer;
    }

    Period awardValidFor() {
        return awardValidFor;
    }

    Period reaccreditationDueBefore() {
        return reaccreditationDueBefore;
    }

    DataSize evidenceMaxSize() {
        return evidenceMaxSize;
    }

    boolean assessorMustDifferFromAdvisor() {
        return assessorMustDifferFromAdvisor;
    }
}
