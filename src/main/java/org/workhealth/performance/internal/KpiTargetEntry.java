package org.workhealth.performance.internal;

import java.util.List;

/**
 * What to save as a contract's target for one KPI; a null total removes the target.
 *
 * @param forecasts Q1 to Q4; a quarter left out has no forecast
 */
public record KpiTargetEntry(long kpiDefinitionId, Integer total, Integer baseline, List<KpiForecast> forecasts) {

    public KpiTargetEntry {
        forecasts = forecasts == null ? List.of() : List.copyOf(forecasts);
    }

    KpiForecast forecast(int quarter) {
        return forecasts.stream().filter(f -> f.quarter() == quarter).findFirst().orElse(KpiForecast.none(quarter));
    }
}
