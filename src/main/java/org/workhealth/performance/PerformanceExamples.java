package org.workhealth.performance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.calendar.FinancialYear;
import org.workhealth.calendar.Quarter;
import org.workhealth.milestone.MilestoneType;
import org.workhealth.milestone.Milestones;
import org.workhealth.milestone.NewMilestone;
import org.workhealth.performance.internal.KpiFigures;
import org.workhealth.performance.internal.KpiForecast;
import org.workhealth.performance.internal.KpiTargetEntry;
import org.workhealth.performance.internal.KpiTargets;

/**
 * Example targets and figures for the demo data, entered through the services the pages use: the Thrive at
 * Work and Thrive into Work tables of the West Midlands Wellbeing Board report "Thrive Programmes: Update"
 * (6 March 2024; docs/sources.md), and WorkWell targets from the Greater Manchester and Coventry and Warwickshire papers with
 * illustrative engagements against them.
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

    /** 2023/24, the year of the board report's Thrive into Work table. */
    public static final FinancialYear THRIVE_INTO_WORK_YEAR = FinancialYear.of(2023);

    /**
     * Per KPI code: target total, the Q1 to Q4 forecasts and the Q1 to Q3 actuals of the board report's Thrive
     * into Work table (Q4 had not been reported), with the milestone each actual counts and its attributes.
     */
    private record Counted(int total, int[] forecasts, int[] actuals, MilestoneType type, Map<String, String> attributes) {
    }

    private static final Map<String, Counted> THRIVE_INTO_WORK = Map.of(
            "ENGAGEMENTS_OOW", new Counted(1343, new int[] {386, 409, 423, 423}, new int[] {430, 496, 417},
                    MilestoneType.ENGAGEMENT, Map.of("in_work", "false")),
            "ENGAGEMENTS_IW", new Counted(412, new int[] {128, 137, 141, 141}, new int[] {141, 133, 138},
                    MilestoneType.ENGAGEMENT, Map.of("in_work", "true")),
            "NEW_STARTS", new Counted(313, new int[] {60, 142, 156, 156}, new int[] {107, 107, 99},
                    MilestoneType.JOB_START, Map.of("paid", "true")),
            "RETENTIONS", new Counted(186, new int[] {26, 63, 72, 72}, new int[] {39, 70, 77},
                    MilestoneType.JOB_RETENTION, Map.of()));

    private final KpiDefinitions definitions;
    private final KpiTargets targets;
    private final KpiFigures figures;
    private final Milestones milestones;

    private final Clock clock;

    PerformanceExamples(KpiDefinitions definitions, KpiTargets targets, KpiFigures figures, Milestones milestones,
            Clock clock) {
        this.clock = clock;
        this.definitions = definitions;
        this.targets = targets;
        this.figures = figures;
        this.milestones = milestones;
    }

    /**
     * The board report's Thrive into Work table for 2023/24 on a contract of a programme with the Thrive into Work
     * KPIs: its targets and forecasts, and each quarter's engagements, job starts and retentions recorded as
     * milestones, so that the dashboard counts them as it counts any. The report gives totals, not people, so the
     * milestones belong to no case: they count on the dashboards and board report, and in no claim or return.
     */
    @Transactional
    public void thriveIntoWork2023(long programmeId, long contractId, long providerOrganisationId) {
        List<KpiDefinition> kpis = definitions.forProgramme(programmeId).stream()
                .filter(k -> THRIVE_INTO_WORK.containsKey(k.code())).toList();
        List<KpiTargetEntry> entries = new ArrayList<>();
        for (KpiDefinition kpi : kpis) {
            Counted row = THRIVE_INTO_WORK.get(kpi.code());
            List<KpiForecast> forecasts = new ArrayList<>();
            for (int q = 1; q <= 4; q++) {
                forecasts.add(KpiForecast.of(q, row.forecasts()[q - 1]));
            }
            entries.add(new KpiTargetEntry(kpi.id(), row.total(), null, forecasts));
        }
        targets.saveUnchecked(contractId, THRIVE_INTO_WORK_YEAR, entries);
        for (KpiDefinition kpi : kpis) {
            Counted row = THRIVE_INTO_WORK.get(kpi.code());
            for (int q = 1; q <= row.actuals().length; q++) {
                record(row.type(), row.attributes(), programmeId, contractId, providerOrganisationId,
                        THRIVE_INTO_WORK_YEAR.quarter(q), row.actuals()[q - 1]);
            }
        }
    }

    /**
     * A WorkWell contract's participant target, shared evenly over the quarters it runs in, as the target for people
     * engaged and for people with an agreed action plan; and illustrative engagements, plans and job outcomes
     * against it for every quarter that has finished by today, near the target but not on it. The papers
     * give targets only, so these figures are made up, and, as the Thrive into Work ones, belong to no case.
     *
     * @param participants the participants the contract is to support over its whole length
     * @param pace         per cent of each quarter's target engaged, in turn (repeated when the contract runs longer)
     */
    @Transactional
    public void workWell(long programmeId, long contractId, long providerOrganisationId, LocalDate startsOn,
            LocalDate endsOn, int participants, int[] pace) {
        LocalDate today = LocalDate.now(clock);
        List<Quarter> quarters = new ArrayList<>();
        for (Quarter q = Quarter.containing(startsOn); !q.start().isAfter(endsOn); q = q.next()) {
            quarters.add(q);
        }
        int perQuarter = participants / quarters.size();
        Map<String, KpiDefinition> kpis = new java.util.HashMap<>();
        definitions.forProgramme(programmeId).forEach(k -> kpis.put(k.code(), k));
        Map<FinancialYear, List<Quarter>> byYear = new java.util.TreeMap<>();
        quarters.forEach(q -> byYear.computeIfAbsent(q.financialYear(), y -> new ArrayList<>()).add(q));
        byYear.forEach((year, inYear) -> {
            List<KpiForecast> forecasts = new ArrayList<>();
            for (int q = 1; q <= 4; q++) {
                forecasts.add(inYear.contains(year.quarter(q)) ? KpiForecast.of(q, perQuarter) : KpiForecast.none(q));
            }
            int total = perQuarter * inYear.size();
            targets.saveUnchecked(contractId, year, List.of(
                    new KpiTargetEntry(kpis.get("ENGAGED").id(), total, null, forecasts),
                    new KpiTargetEntry(kpis.get("ACTION_PLANS").id(), total, null, forecasts)));
        });
        for (int i = 0; i < quarters.size(); i++) {
            Quarter quarter = quarters.get(i);
            if (!quarter.end().isBefore(today)) {
                break;
            }
            int engaged = perQuarter * pace[i % pace.length] / 100;
            // Half engaged out of work, half in work; most go on to agree a plan, about a fifth start work.
            int outOfWork = engaged / 2;
            record(MilestoneType.ENGAGEMENT, Map.of("in_work", "false"), programmeId, contractId,
                    providerOrganisationId, quarter, outOfWork);
            record(MilestoneType.ENGAGEMENT, Map.of("in_work", "true"), programmeId, contractId,
                    providerOrganisationId, quarter, engaged - outOfWork);
            record(MilestoneType.ACTION_PLAN_AGREED, Map.of(), programmeId, contractId, providerOrganisationId,
                    quarter, engaged * 92 / 100);
            record(MilestoneType.JOB_START, Map.of("paid", "true"), programmeId, contractId, providerOrganisationId,
                    quarter, engaged / 5);
        }
    }

    /** {@code count} milestones spread over the days of a quarter's three months. */
    private void record(MilestoneType type, Map<String, String> attributes, long programmeId, long contractId,
            long organisationId, Quarter quarter, int count) {
        for (int i = 0; i < count; i++) {
            LocalDate on = quarter.start().plusMonths(i % 3).plusDays(i * 7L % 27);
            milestones.record(new NewMilestone(type, null, null, programmeId, contractId, organisationId, on,
                    attributes, null));
        }
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
