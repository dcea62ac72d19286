package org.workhealth.performance.internal;

import java.time.Instant;

/**
 * A quarterly figure entered by hand for a KPI whose source is {@code ENTERED}.
 *
 * @param supersedesId the figure this one corrects, or null for a first entry
 */
public record KpiFigure(long id, long kpiDefinitionId, long contractId, int financialYear, int quarter, int figure,
        String note, Instant enteredAt, long enteredBy, Long supersedesId) {
}
