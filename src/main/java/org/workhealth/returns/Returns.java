package org.workhealth.returns;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;
import org.workhealth.calendar.Quarter;
import org.workhealth.organisation.AccessPolicy;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.organisation.Permission;
import org.workhealth.performance.CountingRule;
import org.workhealth.performance.KpiDefinition;
import org.workhealth.performance.KpiDefinitions;
import org.workhealth.performance.KpiRow;
import org.workhealth.performance.KpiSource;
import org.workhealth.performance.KpiTable;
import org.workhealth.performance.KpiTables;
import org.workhealth.performance.KpiUnit;
import org.workhealth.programme.Contract;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;

/**
 * An organisation's quarterly data returns: which are due, and compiling one from the milestone record. A provider
 * manager compiles the return of their own organisation and the organisations below it; nobody else learns that
 * it exists.
 */
@Service
class Returns {

    /** How many quarters the list of returns goes back. */
    static final int QUARTERS_LISTED = 8;

    /** A programme and quarter an organisation returns, with the contracts whose milestones it counts. */
    record Period(Programme programme, ReturnTemplate template, Quarter quarter, List<Contract> contracts,
            LocalDate dueOn) {
    }

    /** A line of the person's list of returns. */
    record Listed(String programmeCode, String programmeName, Quarter quarter, LocalDate dueOn, String status,
            boolean overdue, String href) {
    }

    private final ReturnStore store;
    private final ReturnExtracts extracts;
    private final ReturnTemplates templates;
    private final KpiTables kpiTables;
    private final KpiDefinitions kpiDefinitions;
    private final Programmes programmes;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final Clock clock;

    Returns(ReturnStore store, ReturnExtracts extracts, ReturnTemplates templates, KpiTables kpiTables, KpiDefinitions kpiDefinitions,
            Programmes programmes, AccessPolicy access, AuditLog audit, Clock clock) {
        this.store = store;
        this.extracts = extracts;
        this.templates = templates;
        this.kpiTables = kpiTables;
        this.kpiDefinitions = kpiDefinitions;
        this.programmes = programmes;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * The period, when the person may compile its return: a provider manager whose organisation (or one below it)
     * delivers the programme under a contract live in the quarter, which has begun.
     */
    Period period(CurrentUser user, String programmeCode, int year, int quarterNumber) {
        if (!user.has(Permission.SUBMIT_RETURNS_AND_CLAIMS) || quarterNumber < 1 || quarterNumber > 4 || year < 2000
                || year > 2100) {
            throw new OutOfScopeException();
        }
        Programme programme = programmes.findByCode(programmeCode).orElseThrow(OutOfScopeException::new);
        ReturnTemplate template = templates.forProgramme(programme.id()).orElseThrow(OutOfScopeException::new);
        Quarter quarter = Quarter.of(year, quarterNumber);
        List<Contract> contracts = delivered(user, programme.id()).stream().filter(c -> overlaps(c, quarter)).toList();
        if (contracts.isEmpty() || quarter.start().isAfter(today())) {
            throw new OutOfScopeException();
        }
        return new Period(programme, template, quarter, contracts, template.dueOn(quarter));
    }

    /** The person's returns: each programme with a template they deliver, its recent quarters, newest first. */
    List<Listed> listFor(CurrentUser user) {
        if (!user.has(Permission.SUBMIT_RETURNS_AND_CLAIMS)) {
            throw new OutOfScopeException();
        }
        Map<Long, List<Contract>> byProgramme = new HashMap<>();
        Set<Long> scope = access.scope(user);
        for (Programme programme : programmes.all()) {
            List<Contract> delivered = programmes.contractsVisibleTo(user, programme.id()).stream()
                    .filter(c -> scope.contains(c.providerOrganisationId())).toList();
            if (!delivered.isEmpty()) {
                byProgramme.put(programme.id(), delivered);
            }
        }
        List<ReturnTemplate> found = templates.all(new ArrayList<>(byProgramme.keySet()));
        Map<String, DataReturn> compiled = store.forOrganisation(user.organisationId(),
                found.stream().map(ReturnTemplate::programmeId).toList()).stream()
                .collect(Collectors.toMap(r -> r.programmeId() + " " + r.quarter(), Function.identity()));
        LocalDate today = today();
        List<Listed> listed = new ArrayList<>();
        for (ReturnTemplate template : found) {
            Programme programme = programmes.find(template.programmeId()).orElseThrow();
            List<Contract> contracts = byProgramme.get(template.programmeId());
            Quarter quarter = Quarter.containing(today);
            for (int i = 0; i < QUARTERS_LISTED * 4 && listed.stream()
                    .filter(l -> l.programmeCode().equals(programme.code())).count() < QUARTERS_LISTED; i++) {
                Quarter q = quarter;
                if (contracts.stream().anyMatch(c -> overlaps(c, q))) {
                    DataReturn r = compiled.get(template.programmeId() + " " + q);
                    LocalDate due = template.dueOn(q);
                    boolean overdue = (r == null || r.draft()) && today.isAfter(due);
                    listed.add(new Listed(programme.code(), programme.name(), q, due,
                            r == null ? "Not started" : r.statusLabel(), overdue,
                            ReturnPaths.of(programme.code(), q)));
                }
                quarter = quarter.previous();
            }
        }
        listed.sort(Comparator.comparing(Listed::quarter).reversed().thenComparing(Listed::programmeName));
        return listed;
    }

    Optional<DataReturn> find(CurrentUser user, Period period) {
        return store.find(user.organisationId(), period.programme().id(), period.quarter());
    }

    /**
     * Compiles the return with one action: the quarter's KPI figures as the performance tables count them, a
     * pseudonym for each new participant, the extract's rows, and validation of them all.
     *
     * @return the return, or empty when it is no longer a draft
     */
    @Transactional
    Optional<DataReturn> compile(CurrentUser user, Period period) {
        Quarter quarter = period.quarter();
        LocalDate upTo = quarter.end().isBefore(today()) ? quarter.end() : today();
        long organisationId = user.organisationId();
        Optional<Long> draft = store.draft(organisationId, period.programme().id(), quarter, clock.instant(),
                user.id());
        if (draft.isEmpty()) {
            return Optional.empty();
        }
        long id = draft.get();
        KpiTable table = kpiTables.table(user, period.programme().id(), quarter.financialYear(), organisationId,
                null, upTo);
        List<Long> contractIds = table.contractIds();
        List<ReturnFigure> figures = figures(period, table);
        int rows = 0;
        if (!contractIds.isEmpty()) {
            rows = extracts.compile(id, period.programme(), contractIds, upTo, clock.instant());
        }
        store.insertFigures(id, figures);
        store.insertContracts(id, contractIds);
        List<ExtractRow> extract = rows == 0 ? List.of() : store.rows(id, Integer.MAX_VALUE);
        PersonalDataScan scan = PersonalDataScan.withNames(rows == 0 ? List.of() : extracts.participantNames(id));
        List<ReturnIssue> issues = new ArrayList<>(ReturnValidation.validate(period.template(), quarter, figures,
                extract, scan));
        if (!quarter.end().isBefore(today())) {
            issues.add(ReturnIssue.warning("The quarter has not ended: compile the return again after "
                    + quarter.end() + " before submitting it"));
        }
        store.insertIssues(id, issues);
        store.finish(id, rows);
        audit.recordChange("COMPILE", "data_return", id, organisationId, period.programme().code() + " "
                + quarter.label() + ": " + rows + " participants, " + issues.stream().filter(ReturnIssue::isError)
                        .count() + " errors");
        return store.find(organisationId, period.programme().id(), quarter);
    }

    /** The return's figures, validation and first rows, for its page; the view is logged. */
    List<ReturnFigure> figures(DataReturn r) {
        return store.figures(r.id());
    }

    List<ReturnIssue> issues(DataReturn r) {
        return store.issues(r.id());
    }

    List<ExtractRow> preview(DataReturn r, int limit) {
        audit.recordView("data_return", r.id(), r.organisationId());
        return store.rows(r.id(), limit);
    }

    /** Every row of the extract, for the download; the download is logged. */
    List<ExtractRow> extract(DataReturn r) {
        audit.recordView("data_return_extract", r.id(), r.organisationId());
        return store.rows(r.id(), Integer.MAX_VALUE);
    }

    /** The template's KPI figures for the quarter, in the template's order, from the performance table. */
    private List<ReturnFigure> figures(Period period, KpiTable table) {
        Map<String, KpiDefinition> definitions = kpiDefinitions.forProgramme(period.programme().id()).stream()
                .collect(Collectors.toMap(KpiDefinition::code, Function.identity()));
        Map<String, KpiRow> rows = table.rows().stream().collect(Collectors.toMap(KpiRow::code, Function.identity(),
                (a, b) -> a));
        List<ReturnFigure> figures = new ArrayList<>();
        for (String code : period.template().kpiCodes()) {
            KpiDefinition definition = definitions.get(code);
            KpiRow row = rows.get(code);
            if (definition == null || row == null) {
                continue;
            }
            BigDecimal actual = row.quarters().get(period.quarter().number() - 1).actual();
            ReturnColumn checked = definition.source() == KpiSource.MILESTONES ? ReturnFigure.checkable(
                    definition.milestoneType(), definition.countingRule() == CountingRule.FIRST_PER_CASE,
                    definition.attributeFilter().isEmpty()) : null;
            figures.add(new ReturnFigure(code, definition.name(), row.unit() == KpiUnit.PERCENT, actual, checked));
        }
        return figures;
    }

    private List<Contract> delivered(CurrentUser user, long programmeId) {
        Set<Long> scope = access.scope(user);
        return programmes.contractsVisibleTo(user, programmeId).stream()
                .filter(c -> scope.contains(c.providerOrganisationId())).toList();
    }

    static boolean overlaps(Contract contract, Quarter quarter) {
        return !contract.startsOn().isAfter(quarter.end()) && !contract.endsOn().isBefore(quarter.start());
    }
}
