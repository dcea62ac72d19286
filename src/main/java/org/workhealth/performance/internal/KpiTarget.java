package org.workhealth.performance.internal;

import java.util.List;

/**
 * A contract's target for one KPI in one financial year.
 *
 * @param financialYear the year it starts in (2025 for 2025/26)
 * @param baseline      what was achieved before the year, counted into the cumulative total; null if none
 * @param forecasts     always four, Q1 to Q4
 */
public record KpiTarget(long id, long kpiDefinitionId, long contractId, int financialYear, int total,
        Integer baseline, List<KpiForecast> forecasts) {

    public KpiTarget {
        forecasts = List.copyOf(forecasts);
    }

    public KpiForecast forecast(int quarter) {
        return forecasts.get(quarter - 1);
    }
}
