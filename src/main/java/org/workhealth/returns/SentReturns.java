package org.workhealth.returns;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.workhealth.audit.AuditLog;
import org.workhealth.organisation.AccessPolicy;
import org.workhealth.organisation.Organisations;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;

/**
 * The collated returns hubs have sent, for another organisation's system (the department's, through the JSON API):
 * what national users read on {@code /returns/sent}, figures and pseudonymous rows, never a name. Callers decide who
 * may ask; this keeps to the returns of hubs in the asking organisation's scope.
 */
@Service
public class SentReturns {

    /** A sent return. {@code quarter} is written {@code 2026-Q1}: Q1 of the financial year 2026/27. */
    public record Summary(long id, String hub, String programme, String programmeName, String quarter, int version,
            int rowCount, Instant compiledAt) {
    }

    /** A KPI figure of the return; {@code figure} is null when nothing was counted or entered. */
    public record Figure(String kpi, String name, boolean percent, BigDecimal figure) {
    }

    /** A participant's pseudonymous row: the locality it came from and its values by column code, as in the CSV. */
    public record Row(String locality, Map<String, String> values) {
    }

    /** A sent return with its figures and one page of its rows. */
    public record Detail(Summary summary, List<String> columns, List<Figure> figures, int offset, List<Row> rows) {
    }

    private final ReturnStates states;
    private final ReturnStore store;
    private final CollationStore collations;
    private final ReturnTemplates templates;
    private final Programmes programmes;
    private final Organisations organisations;
    private final AccessPolicy access;
    private final AuditLog audit;

    SentReturns(ReturnStates states, ReturnStore store, CollationStore collations, ReturnTemplates templates,
            Programmes programmes, Organisations organisations, AccessPolicy access, AuditLog audit) {
        this.states = states;
        this.store = store;
        this.collations = collations;
        this.templates = templates;
        this.programmes = programmes;
        this.organisations = organisations;
        this.access = access;
        this.audit = audit;
    }

    /** The sent returns of hubs in the organisation's scope, newest quarter first, optionally of one programme. */
    public List<Summary> list(long organisationId, String programmeCode) {
        Map<Long, String> names = organisations.namesById();
        Map<Long, Programme> byId = programmes.all().stream()
                .collect(Collectors.toMap(Programme::id, Function.identity()));
        return states.sent(access.scopeOf(organisationId)).stream()
                .filter(r -> programmeCode == null || byId.get(r.programmeId()).code().equals(programmeCode))
                .map(r -> summary(r, names.get(r.organisationId()), byId.get(r.programmeId()))).toList();
    }

    /**
     * A sent return of a hub in the organisation's scope, with its figures and rows from {@code offset}, at most
     * {@code limit}; reading the rows is logged. Empty for any other return, as if it did not exist.
     */
    public Optional<Detail> find(long organisationId, long id, int offset, int limit) {
        Set<Long> scope = access.scopeOf(organisationId);
        Optional<DataReturn> found = states.byId(id)
                .filter(r -> r.collated() && r.is(DataReturn.SENT) && scope.contains(r.organisationId()));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        DataReturn r = found.get();
        Programme programme = programmes.find(r.programmeId()).orElseThrow();
        List<ReturnColumn> columns = templates.forProgramme(programme.id()).orElseThrow().knownColumns();
        List<Figure> figures = store.figures(r.id()).stream()
                .map(f -> new Figure(f.code(), f.name(), f.percent(), f.figure())).toList();
        audit.recordView("data_return", r.id(), r.organisationId());
        List<Row> rows = collations.rows(r.id(), offset, limit).stream().map(row -> {
            Map<String, String> values = new LinkedHashMap<>();
            columns.forEach(column -> values.put(column.name(), column.value(row.row())));
            return new Row(row.locality(), values);
        }).toList();
        return Optional.of(new Detail(summary(r, organisations.find(r.organisationId()).orElseThrow().name(),
                programme), columns.stream().map(ReturnColumn::name).toList(), figures, offset, rows));
    }

    private static Summary summary(DataReturn r, String hub, Programme programme) {
        return new Summary(r.id(), hub, programme.code(), programme.name(),
                r.quarter().financialYear().startYear() + "-Q" + r.quarter().number(), r.version(), r.rowCount(),
                r.compiledAt());
    }
}
