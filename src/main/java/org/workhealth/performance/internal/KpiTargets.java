package org.workhealth.performance.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;
import org.workhealth.calendar.FinancialYear;
import org.workhealth.organisation.AccessPolicy;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.organisation.Permission;
import org.workhealth.programme.Contract;
import org.workhealth.programme.Programmes;

/**
 * Targets, baselines and quarterly forecasts per contract and financial year, set by a commissioner of
 * the organisation that commissions the contract (or one above it).
 */
@Service
public class KpiTargets {

    private final JdbcClient jdbc;
    private final Programmes programmes;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final Clock clock;

    KpiTargets(JdbcClient jdbc, Programmes programmes, AccessPolicy access, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.programmes = programmes;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** The targets of these contracts in a year, with their forecasts, in one query. */
    public List<KpiTarget> forContracts(Collection<Long> contractIds, FinancialYear year) {
        if (contractIds.isEmpty()) {
            return List.of();
        }
        List<TargetRow> rows = jdbc.sql("""
                SELECT t.id, t.kpi_definition_id, t.contract_id, t.financial_year, t.total, t.baseline,
                       f.quarter, f.forecast, f.as_left
                FROM kpi_target t LEFT JOIN kpi_forecast f ON f.kpi_target_id = t.id
                WHERE t.contract_id IN (:contracts) AND t.financial_year = :year
                ORDER BY t.id, f.quarter""")
                .param("contracts", new ArrayList<>(contractIds)).param("year", year.startYear())
                .query((rs, n) -> {
                    int quarter = rs.getInt("quarter");
                    KpiForecast forecast = rs.wasNull() ? null
                            : new KpiForecast(quarter, rs.getObject("forecast", Integer.class), rs.getBoolean("as_left"));
                    return new TargetRow(new KpiTarget(rs.getLong("id"), rs.getLong("kpi_definition_id"),
                            rs.getLong("contract_id"), rs.getInt("financial_year"), rs.getInt("total"),
                            rs.getObject("baseline", Integer.class), NO_FORECASTS), forecast);
                }).list();
        // One row per forecast: gather each target's forecasts, a quarter without one having none.
        Map<Long, KpiTarget> targets = new LinkedHashMap<>();
        Map<Long, List<KpiForecast>> forecasts = new LinkedHashMap<>();
        for (TargetRow row : rows) {
            targets.putIfAbsent(row.target().id(), row.target());
            List<KpiForecast> four = forecasts.computeIfAbsent(row.target().id(), id -> new ArrayList<>(NO_FORECASTS));
            if (row.forecast() != null) {
                four.set(row.forecast().quarter() - 1, row.forecast());
            }
        }
        return targets.values().stream().map(t -> new KpiTarget(t.id(), t.kpiDefinitionId(), t.contractId(),
                t.financialYear(), t.total(), t.baseline(), forecasts.get(t.id()))).toList();
    }

    private static final List<KpiForecast> NO_FORECASTS = List.of(KpiForecast.none(1), KpiForecast.none(2),
            KpiForecast.none(3), KpiForecast.none(4));

    private record TargetRow(KpiTarget target, KpiForecast forecast) {
    }

    /** The contract, when the person may set its targets: a commissioner of its commissioning organisation. */
    public Contract settable(CurrentUser user, long contractId) {
        Contract contract = programmes.findContract(contractId).orElseThrow(OutOfScopeException::new);
        access.require(user, Permission.MANAGE_PROGRAMMES, contract.commissionerOrganisationId());
        return contract;
    }

    /** Saves a contract's targets for a year; only entries that change anything are written and audited. */
    @Transactional
    public void save(CurrentUser user, long contractId, FinancialYear year, List<KpiTargetEntry> entries) {
        Contract contract = settable(user, contractId);
        saveUnchecked(contract, year, entries, user.id());
    }

    /** For demo data and tests, where there is no signed-in person. */
    @Transactional
    public void saveUnchecked(long contractId, FinancialYear year, List<KpiTargetEntry> entries) {
        saveUnchecked(programmes.findContract(contractId).orElseThrow(), year, entries, null);
    }

    private void saveUnchecked(Contract contract, FinancialYear year, List<KpiTargetEntry> entries, Long personId) {
        Map<Long, KpiTarget> existing = forContracts(List.of(contract.id()), year).stream()
                .collect(Collectors.toMap(KpiTarget::kpiDefinitionId, t -> t));
        Timestamp now = Timestamp.from(clock.instant());
        for (KpiTargetEntry entry : entries) {
            KpiTarget before = existing.get(entry.kpiDefinitionId());
            if (before == null && entry.total() == null) {
                continue;
            }
            if (before != null && entry.total() == null) {
                jdbc.sql("DELETE FROM kpi_forecast WHERE kpi_target_id = ?").param(before.id()).update();
                jdbc.sql("DELETE FROM kpi_target WHERE id = ?").param(before.id()).update();
                audit.recordChange("DELETE", "kpi_target", before.id(), contract.commissionerOrganisationId(),
                        contract.reference() + " " + year.label() + " was " + describe(before));
                continue;
            }
            if (before != null && unchanged(before, entry)) {
                continue;
            }
            long id;
            if (before == null) {
                KeyHolder key = new GeneratedKeyHolder();
                jdbc.sql("""
                        INSERT INTO kpi_target (kpi_definition_id, contract_id, financial_year, total, baseline,
                                                updated_at, updated_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                        .params(entry.kpiDefinitionId(), contract.id(), year.startYear(), entry.total(),
                                entry.baseline(), now, personId)
                        .update(key, "id");
                id = key.getKeyAs(Number.class).longValue();
            } else {
                id = before.id();
                jdbc.sql("UPDATE kpi_target SET total = ?, baseline = ?, updated_at = ?, updated_by = ? WHERE id = ?")
                        .params(entry.total(), entry.baseline(), now, personId, id).update();
                jdbc.sql("DELETE FROM kpi_forecast WHERE kpi_target_id = ?").param(id).update();
            }
            for (int q = 1; q <= 4; q++) {
                KpiForecast forecast = entry.forecast(q);
                if (forecast.set()) {
                    jdbc.sql("INSERT INTO kpi_forecast (kpi_target_id, quarter, forecast, as_left) VALUES (?, ?, ?, ?)")
                            .params(id, q, forecast.forecast(), forecast.asLeft()).update();
                }
            }
            audit.recordChange(before == null ? "CREATE" : "UPDATE", "kpi_target", id,
                    contract.commissionerOrganisationId(), contract.reference() + " " + year.label() + ": "
                            + describe(entry.total(), entry.baseline(), entry::forecast)
                            + (before == null ? "" : " (was " + describe(before) + ")"));
        }
    }

    private static boolean unchanged(KpiTarget before, KpiTargetEntry entry) {
        if (before.total() != entry.total() || !Objects.equals(before.baseline(), entry.baseline())) {
            return false;
        }
        for (int q = 1; q <= 4; q++) {
            if (!before.forecast(q).equals(entry.forecast(q))) {
                return false;
            }
        }
        return true;
    }

    private static String describe(KpiTarget target) {
        return describe(target.total(), target.baseline(), target::forecast);
    }

    private static String describe(Integer total, Integer baseline,
            java.util.function.IntFunction<KpiForecast> forecast) {
        StringBuilder text = new StringBuilder("total ").append(total).append(", baseline ")
                .append(baseline == null ? "none" : baseline);
        for (int q = 1; q <= 4; q++) {
            KpiForecast f = forecast.apply(q);
            text.append(", Q").append(q).append(' ')
                    .append(f.asLeft() ? "as left" : f.forecast() == null ? "none" : f.forecast());
        }
        return text.toString();
    }

}
