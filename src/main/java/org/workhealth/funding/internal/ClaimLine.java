package org.workhealth.funding.internal;

import java.time.LocalDate;

import org.workhealth.calendar.Quarter;

/**
 * A line of a claim statement.
 *
 * @param forQuarter    the quarter it pays for: the claim's own, or an approved earlier one it adjusts
 * @param caseId        the participant's case, for performance, results and their adjustments
 * @param caseReference the case's reference, which the statement shows instead of a name
 * @param payable       what was paid for: {@code ENGAGED_WITH_PLAN} or an outcome milestone type
 * @param evidenceOn    the date of the evidence, when there is one
 * @param description   why the line is there, in words
 */
public record ClaimLine(LineKind kind, Quarter forQuarter, Long caseId, String caseReference, String payable,
        LocalDate evidenceOn, String description, long amountPence) {

    public String amount() {
        return Money.format(amountPence);
    }
}
