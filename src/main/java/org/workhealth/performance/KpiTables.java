package org.workhealth.performance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.workhealth.calendar.FinancialYear;
import org.workhealth.calendar.Quarter;
import org.workhealth.milestone.MilestoneCount;
import org.workhealth.milestone.MilestoneCountQuery;
import org.workhealth.milestone.MilestoneType;
import org.workhealth.milestone.Milestones;
import org.workhealth.organisation.AccessPolicy;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.Organisation;
import org.workhealth.organisation.Organisations;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.organisation.Permission;
import org.workhealth.programme.Contract;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;
import org.workhealth.performance.internal.KpiFigure;
import org.workhealth.performance.internal.KpiFigures;
import org.workhealth.performance.internal.KpiTarget;
import org.workhealth.performance.internal.KpiTargets;
import org.workhealth.performance.internal.QuarterState;
import org.workhealth.performance.internal.RagThreshold;
import org.workhealth.performance.internal.RagThresholds;

/**
 * Draws up a programme's KPI table for a financial year over the contracts a person may see. The work is
 * set-based whatever the size of the record: one count query per distinct (attributes, counting rule) of the
 * milestone KPIs, grouped by contract and month, one for entered figures, one for targets and forecasts.
 */
@Service
public class KpiTables {

    private final Programmes programmes;
    private final KpiDefinitions definitions;
    private final KpiTargets targets;
    private final KpiFigures figures;
    private final RagThresholds thresholds;
    private final Milestones milestones;
    private final AccessPolicy access;
    private final Organisations organisations;
    private final ContractLookup contractLookup;
    private final Clock clock;

    KpiTables(Programmes programmes, KpiDefinitions definitions, KpiTargets targets, KpiFigures figures,
            RagThresholds thresholds, Milestones milestones, AccessPolicy access, Organisations organisations,
            ContractLookup contractLookup, Clock clock) {
        this.programmes = programmes;
        this.definitions = definitions;
        this.targets = targets;
        this.figures = figures;
        this.thresholds = thresholds;
        this.milestones = milestones;
        this.access = access;
        this.organisations = organisations;
        this.contractLookup = contractLookup;
        this.clock = clock;
    }

    /** The table as of today, over every contract of the programme the person may see. */
    public KpiTable table(CurrentUser user, long programmeId, FinancialYear year) {
        return table(user, programmeId, year, null, null, today());
    }

    /**
     * The table over the programme's contracts that the person's organisations deliver or commission,
     * narrowed to those delivered within one organisation, or to one contract.
     *
     * @param organisationId when given, only contracts whose provider is this organisation or below it; it must
     *                       be in the person's scope
     * @param contractId     when given, only this contract, which must be one the person may see
     * @param asOf           the day the table is drawn up: later quarters have not started
     * @throws OutOfScopeException when the person may not see figures, or the organisation or contract is not theirs
     */
    public KpiTable table(CurrentUser user, long programmeId, FinancialYear year, Long organisationId,
            Long contractId, LocalDate asOf) {
        List<Contract> contracts = contracts(user, programmeId, organisationId, contractId);
        Programme programme = programmes.find(programmeId).orElseThrow(OutOfScopeException::new);
        String scopeName = contractId != null ? contracts.get(0).reference()
                : organisationId != null ? organisations.find(organisationId).map(Organisation::name).orElse("")
                : user.organisationName();
        List<Long> contractIds = contracts.stream().map(Contract::id).toList();
        List<KpiRow> rows = rows(programmeId, contractIds, year, asOf);
        return new KpiTable(programmeId, programme.code(), programme.name(), scopeName, contractIds, year, asOf,
                rows);
    }

    /**
     * The contracts a table would sum for the person, checked as {@link #table} checks them.
     *
     * @throws OutOfScopeException as {@link #table} does
     */
    public List<Contract> contracts(CurrentUser user, long programmeId, Long organisationId, Long contractId) {
        if (!user.has(Permission.VIEW_FIGURES)) {
            throw new OutOfScopeException();
        }
        List<Contract> contracts = programmes.contractsVisibleTo(user, programmeId);
        if (organisationId != null) {
            if (!access.scope(user).contains(organisationId)) {
                throw new OutOfScopeException();
            }
            Set<Long> within = access.scopeOf(organisationId);
            contracts = contracts.stream().filter(c -> within.contains(c.providerOrganisationId())).toList();
        }
        if (contractId != null) {
            contracts = contracts.stream().filter(c -> c.id().equals(contractId)).toList();
            if (contracts.isEmpty()) {
                throw new OutOfScopeException();
            }
        }
        return contracts;
    }

    /** The programmes whose figures the person may see: those with a contract their organisations deliver or commission. */
    public List<Programme> programmesWithFigures(CurrentUser user) {
        if (!user.has(Permission.VIEW_FIGURES)) {
            throw new OutOfScopeException();
        }
        Set<Long> ids = contractLookup.programmesWithContractsIn(access.scope(user));
        return programmes.all().stream().filter(p -> ids.contains(p.id()))
                .sorted(Comparator.comparing(Programme::name)).toList();
    }

    /** The KPI rows of a programme's year summed over these contracts, with no check of who asks: callers check. */
    List<KpiRow> rowsOf(long programmeId, List<Long> contractIds, FinancialYear year, LocalDate asOf) {
        return rows(programmeId, contractIds, year, asOf);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    private List<KpiRow> rows(long programmeId, List<Long> contractIds, FinancialYear year, LocalDate asOf) {
        List<KpiDefinition> kpis = definitions.forProgramme(programmeId);
        RagThreshold threshold = thresholds.forProgramme(programmeId);
        QuarterState[] states = KpiArithmetic.states(year, asOf);
        Map<Long, List<KpiTarget>> targetsByKpi = targets.forContracts(contractIds, year).stream()
                .collect(Collectors.groupingBy(KpiTarget::kpiDefinitionId));
        Map<CountKey, Map<Long, Long[]>> counted = countMilestones(kpis, contractIds, year, asOf);
        Map<Long, Map<Long, Long[]>> entered = new HashMap<>();
        Map<Long, Map<Integer, String>> notes = new HashMap<>();
        if (kpis.stream().anyMatch(k -> k.source() == KpiSource.ENTERED || k.countedFrom() != null)) {
            Map<Long, KpiDefinition> byKpi = kpis.stream().collect(Collectors.toMap(KpiDefinition::id, k -> k));
            for (KpiFigure figure : figures.current(contractIds, year)) {
                KpiDefinition kpi = byKpi.get(figure.kpiDefinitionId());
                if (kpi == null || !kpi.takesEnteredFigure(year.quarter(figure.quarter()))) {
                    // A figure entered for a quarter the record now counts (the KPI changed since) is kept, not added.
                    continue;
                }
                entered.computeIfAbsent(figure.kpiDefinitionId(), k -> new HashMap<>())
                        .computeIfAbsent(figure.contractId(), k -> new Long[4])[figure.quarter() - 1] =
                        (long) figure.figure();
                if (figure.note() != null && !figure.note().isBlank()) {
                    // A note is shown when the figures of the quarter agree on it, as they do for a single contract.
                    notes.computeIfAbsent(figure.kpiDefinitionId(), k -> new HashMap<>())
                            .merge(figure.quarter(), figure.note(), (a, b) -> a.equals(b) ? a : "");
                }
            }
        }
        Map<String, Long[]> increments = new HashMap<>();
        Map<Long, KpiRow> byId = new LinkedHashMap<>();
        for (KpiDefinition kpi : kpis) {
            if (kpi.source() == KpiSource.RATIO) {
                continue;
            }
            Map<Long, Long[]> actuals = kpi.source() == KpiSource.MILESTONES
                    ? counted.getOrDefault(CountKey.of(kpi), Map.of()).entrySet().stream()
                            .filter(e -> e.getKey() != null).collect(Collectors.toMap(e -> e.getKey(), e -> e.getValue()))
                    : entered.getOrDefault(kpi.id(), Map.of());
            Long[] enteredParts = new Long[4];
            if (kpi.source() == KpiSource.MILESTONES && entered.containsKey(kpi.id())) {
                // The quarter's figure is what was entered for the time before the record counted it plus what the
                // record counts since: baseline plus increments.
                actuals = new HashMap<>(actuals);
                for (Map.Entry<Long, Long[]> contract : entered.get(kpi.id()).entrySet()) {
                    Long[] sum = actuals.getOrDefault(contract.getKey(), new Long[4]).clone();
                    for (int q = 0; q < 4; q++) {
                        Long part = contract.getValue()[q];
                        if (part != null) {
                            sum[q] = (sum[q] == null ? 0 : sum[q]) + part;
                            enteredParts[q] = (enteredParts[q] == null ? 0 : enteredParts[q]) + part;
                        }
                    }
                    actuals.put(contract.getKey(), sum);
                }
            }
            Map<Integer, String> kpiNotes = new HashMap<>(notes.getOrDefault(kpi.id(), Map.of()));
            kpiNotes.values().removeIf(String::isEmpty);
            KpiArithmetic.Row row = KpiArithmetic.countRow(kpi, targetsByKpi.getOrDefault(kpi.id(), List.of()),
                    actuals, states, counted(kpi, year), threshold, year, kpiNotes, enteredParts);
            increments.put(kpi.code(), row.increments());
            byId.put(kpi.id(), row.row());
        }
        List<KpiRow> rows = new ArrayList<>();
        for (KpiDefinition kpi : kpis) {
            rows.add(kpi.source() == KpiSource.RATIO
                    ? KpiArithmetic.ratioRow(kpi, increments, states, threshold, year)
                    : byId.get(kpi.id()));
        }
        return rows;
    }

    /** Per quarter, whether the record counts it (so nothing counted is 0): not when it ended before counting began. */
    private static boolean[] counted(KpiDefinition kpi, FinancialYear year) {
        boolean[] counted = new boolean[4];
        for (int q = 0; q < 4; q++) {
            counted[q] = kpi.source() == KpiSource.MILESTONES
                    && (kpi.countedFrom() == null || !year.quarter(q + 1).end().isBefore(kpi.countedFrom()));
        }
        return counted;
    }

    /**
     * Milestone counts per KPI, contract and quarter. KPIs that share attributes and counting rule are counted
     * in one query over all their types, so a table costs one query per distinct filter, not one per KPI.
     */
    private Map<CountKey, Map<Long, Long[]>> countMilestones(List<KpiDefinition> kpis, List<Long> contractIds,
            FinancialYear year, LocalDate asOf) {
        Map<CountKey, Map<Long, Long[]>> result = new HashMap<>();
        LocalDate to = asOf.isBefore(year.end()) ? asOf : year.end();
        if (contractIds.isEmpty() || to.isBefore(year.start())) {
            return result;
        }
        Map<FilterKey, Set<MilestoneType>> queries = new LinkedHashMap<>();
        for (KpiDefinition kpi : kpis) {
            if (kpi.source() == KpiSource.MILESTONES && kpi.milestoneType() != null) {
                queries.computeIfAbsent(FilterKey.of(kpi), k -> new LinkedHashSet<>()).add(kpi.milestoneType());
            }
        }
        Set<Long> contracts = Set.copyOf(contractIds);
        queries.forEach((filter, types) -> {
            LocalDate from = filter.countedFrom() != null && filter.countedFrom().isAfter(year.start())
                    ? filter.countedFrom() : year.start();
            if (from.isAfter(to)) {
                return;
            }
            MilestoneCountQuery query = new MilestoneCountQuery(types, contracts, null, from, to,
                    filter.attributes(), true, filter.rule() == CountingRule.FIRST_PER_CASE,
                    filter.rule() == CountingRule.SUM_QUANTITY);
            for (MilestoneCount count : milestones.count(query)) {
                int quarter = Quarter.containing(count.periodStart()).number();
                Long[] quarters = result.computeIfAbsent(new CountKey(count.type(), filter), k -> new HashMap<>())
                        .computeIfAbsent(count.contractId(), k -> new Long[4]);
                quarters[quarter - 1] = (quarters[quarter - 1] == null ? 0 : quarters[quarter - 1]) + count.count();
            }
        });
        return result;
    }

    private record FilterKey(Map<String, String> attributes, CountingRule rule, LocalDate countedFrom) {
        static FilterKey of(KpiDefinition kpi) {
            return new FilterKey(kpi.attributeFilter(), kpi.countingRule(), kpi.countedFrom());
        }
    }

    private record CountKey(MilestoneType type, FilterKey filter) {
        static CountKey of(KpiDefinition kpi) {
            return new CountKey(kpi.milestoneType(), FilterKey.of(kpi));
        }
    }
}
