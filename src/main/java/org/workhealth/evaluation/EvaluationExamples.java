package org.workhealth.evaluation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import org.springframework.stereotype.Component;
import org.workhealth.audit.AuditLog;

/**
 * The demo's data sharing agreement: the combined authority with the university's evaluation team for the Thrive into
 * Work IPS trial, in force, dates shifted, so the evaluator's home has something to download.
 */
@Component
public class EvaluationExamples {

    private final AgreementStore store;
    private final AgreementKeyCipher keys;
    private final AuditLog audit;
    private final Clock clock;

    EvaluationExamples(AgreementStore store, AgreementKeyCipher keys, AuditLog audit, Clock clock) {
        this.store = store;
        this.keys = keys;
        this.audit = audit;
        this.clock = clock;
    }

    public long thriveIntoWorkTrial(long hub, long commissioner, long evaluatorOrganisation, long programmeId,
            long trialId) {
        LocalDate today = LocalDate.now(clock);
        AgreementTerms terms = new AgreementTerms(evaluatorOrganisation, "Thrive into Work IPS trial evaluation",
                "To estimate the effect of individual placement and support in primary care on job starts and"
                        + " wellbeing, the trial's primary and secondary outcomes, for the independent evaluation",
                LegalBasis.RESEARCH_ARCHIVING, programmeId, trialId, List.copyOf(EnumSet.allOf(ExtractField.class)),
                LocalDate.of(2018, 4, 1), today, today.minusDays(30), today.plusYears(2), DateHandling.SHIFTED, 14, 5);
        long id = store.insert(terms, hub, null, 1, keys.newKey(), commissioner, clock.instant());
        audit.recordChange("CREATE", "evaluation_agreement", id, hub, "Demo data sharing agreement, version 1");
        return id;
    }
}
