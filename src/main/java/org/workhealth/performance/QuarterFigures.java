package org.workhealth.performance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.workhealth.calendar.Quarter;
import org.workhealth.organisation.AccessPolicy;
import org.workhealth.organisation.Organisations;
import org.workhealth.programme.Contract;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;

/**
 * KPI figures for one quarter, one row per contract and KPI, for another organisation's system (a council's
 * reporting tool reading the JSON API): the same figures the dashboard shows for each contract, in a flat shape.
 * Only contracts an organisation in the asking organisation's scope delivers or commissions are included, as on the
 * pages. KPI tables show counts in full on the pages (only equality breakdowns hide small numbers), so these do too.
 */
@Service
public class QuarterFigures {

    /**
     * One KPI of one contract in one quarter. Numbers are exact; {@code actual} is the quarter's figure as the
     * table shows it (an increment, or the running total for a KPI shown as running totals).
     *
     * @param state    FINISHED, IN_PROGRESS (actual so far) or NOT_STARTED
     * @param target   the KPI's target for the whole financial year, null when none is set
     * @param rag      GREEN, AMBER, RED, or NONE when not rated (no forecast, or the quarter not finished)
     */
    public record Row(String programme, String contract, long contractId, String provider, String quarter,
            String kpi, String kpiName, String unit, String display, String state, BigDecimal actual,
            BigDecimal forecast, boolean forecastAsLeft, BigDecimal variance, String rag, BigDecimal target,
            BigDecimal cumulative, String note) {
    }

    private final KpiTables tables;
    private final Programmes programmes;
    private final Organisations organisations;
    private final AccessPolicy access;

    QuarterFigures(KpiTables tables, Programmes programmes, Organisations organisations, AccessPolicy access) {
        this.tables = tables;
        this.programmes = programmes;
        this.organisations = organisations;
        this.access = access;
    }

    /**
     * The programme's figures for the quarter over its contracts in the organisation's scope, or one of them.
     *
     * @return empty when the programme does not exist or the contract is not one the organisation may see
     */
    public Optional<List<Row>> rows(long organisationId, String programmeCode, Long contractId, Quarter quarter) {
        Optional<Programme> programme = programmes.findByCode(programmeCode);
        if (programme.isEmpty()) {
            return Optional.empty();
        }
        Set<Long> scope = access.scopeOf(organisationId);
        List<Contract> contracts = programmes.contractsDeliveredOrCommissionedBy(scope).stream()
                .filter(c -> c.programmeId().equals(programme.get().id()))
                .filter(c -> contractId == null || c.id().equals(contractId))
                .sorted(Comparator.comparing(Contract::reference)).toList();
        if (contractId != null && contracts.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, String> names = organisations.namesById();
        String quarterCode = quarter.financialYear().startYear() + "-Q" + quarter.number();
        List<Row> rows = new ArrayList<>();
        for (Contract contract : contracts) {
            for (KpiRow kpi : tables.rowsOf(programme.get().id(), List.of(contract.id()), quarter.financialYear(),
                    tables.today())) {
                KpiCell cell = kpi.quarters().get(quarter.number() - 1);
                rows.add(new Row(programme.get().code(), contract.reference(), contract.id(),
                        names.get(contract.providerOrganisationId()), quarterCode, kpi.code(), kpi.name(),
                        kpi.unit().name(), kpi.display().name(), cell.state().name(), cell.actual(), cell.forecast(),
                        cell.asLeft(), cell.variance(), cell.rag().name(), kpi.total(), kpi.cumulative(), cell.note()));
            }
        }
        return Optional.of(rows);
    }
}
