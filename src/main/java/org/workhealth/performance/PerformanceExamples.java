package org.workhealth.performance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.calendar.FinancialYear;
import org.workhealth.calendar.Quarter;

/**
 * Example targets and figures for the demo data: the Thrive at Work table of the West Midlands
 * board report (Thrive Programmes: Update, WMCA Wellbeing Board, 6 March 2024; docs/sources.md),
 * entered as the programme team would enter them.
 */
@Service
public class PerformanceExamples {

    private static final Logger log = LoggerFactory.getLogger(PerformanceExamples.class);

    /** 2023/24, the year of the board report's table. */
    public static final FinancialYear THRIVE_AT_WORK_YEAR = FinancialYear.of(2023);

    /**
     * Per KPI code: target total, baseline (achieved before 2023/24), Q1 to Q3 forecasts (Q4 is "as
     * left"), and the quarters' actuals; a missing Q4 actual is "TBC" in the report.
     */
    private record Row(int total, int baseline, int forecast, int[] actuals, String q4Note) {
    }

    private static final Map<String, Row> THRIVE_AT_WORK = Map.of(
            "SIGN_UPS", new Row(126, 54, 21, new int[] {14, 24, 22, 12}, "to February"),
            "ACCREDITATIONS", new Row(126, 42, 21, new int[] {12, 15, 22, 3}, "to February"),
            "ENGAGEMENTS", new Row(900, 1548, 150, new int[] {229, 804, 1209}, null),
            "CASE_STUDIES", new Row(12, 6, 2, new int[] {3, 1, 3}, null));

    private final KpiDefinitions definitions;
    private final KpiTargets targets;
    private final KpiFigures figures;

    PerformanceExamples(KpiDefinitions definitions, KpiTargets targets, KpiFigures figures) {
        this.definitions = definitions;
        this.targets = targets;
        this.figures = figures;
    }

    /**
     * The 2023/24 targets, forecasts and quarterly figures of the board report's Thrive at Work table,
     * for a contract of a programme with the Thrive at Work KPIs ({@code KpiDefinitions.seedDefaults(id, "TAW")}).
     *
     * @param enteredBy the person the figures are recorded as entered by
     */
    @Transactional
    public void thriveAtWork2023(long programmeId, long contractId, long enteredBy) {
        List<KpiTargetEntry> entries = new ArrayList<>();
        List<KpiDefinition> kpis = definitions.forProgramme(programmeId).stream()
                .filter(k -> THRIVE_AT_WORK.containsKey(k.code())).toList();
        if (kpis.size() < THRIVE_AT_WORK.size()) {
            log.warn("Programme {} lacks some Thrive at Work KPIs; only {} of their figures loaded", programmeId,
                    kpis.size());
        }
        for (KpiDefinition kpi : kpis) {
            Row row = THRIVE_AT_WORK.get(kpi.code());
            entries.add(new KpiTargetEntry(kpi.id(), row.total(), row.baseline(),
                    List.of(KpiForecast.of(1, row.forecast()), KpiForecast.of(2, row.forecast()),
                            KpiForecast.of(3, row.forecast()), KpiForecast.asLeft(4))));
        }
        targets.saveUnchecked(contractId, THRIVE_AT_WORK_YEAR, entries);
        for (KpiDefinition kpi : kpis) {
            Row row = THRIVE_AT_WORK.get(kpi.code());
            for (int q = 1; q <= row.actuals().length; q++) {
                figures.enter(kpi.id(), contractId, Quarter.of(THRIVE_AT_WORK_YEAR.startYear(), q),
                        row.actuals()[q - 1], q == 4 ? row.q4Note() : null, enteredBy);
            }
        }
    }
}
