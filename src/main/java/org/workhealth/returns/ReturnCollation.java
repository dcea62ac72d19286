package org.workhealth.returns;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;
import org.workhealth.calendar.Quarter;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.Organisations;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.performance.KpiRow;
import org.workhealth.performance.KpiTables;
import org.workhealth.performance.KpiUnit;
import org.workhealth.programme.Contract;
import org.workhealth.programme.Programme;

/**
 * The hub collates its localities' approved returns for a quarter into one return and marks it sent to the national
 * department. Counts are the localities' approved figures added up; a percentage is worked out again over the
 * hub's contracts, as adding percentages up would be wrong. The rows are the localities' rows as approved.
 */
@Service
class ReturnCollation {

    /** A locality's part in the quarter's collation: its latest return, or null when it has none. */
    record Part(long organisationId, String name, DataReturn latest) {

        public boolean approved() {
            return latest != null && latest.is(DataReturn.APPROVED);
        }
    }

    record Collation(Programme programme, ReturnTemplate template, Quarter quarter, List<Part> parts,
            DataReturn collated) {

        public boolean ready() {
            return !parts.isEmpty() && parts.stream().allMatch(Part::approved);
        }
    }

    private final ReturnBoard board;
    private final ReturnStates states;
    private final ReturnStore store;
    private final ReturnExtracts extracts;
    private final CollationStore collations;
    private final KpiTables kpiTables;
    private final Organisations organisations;
    private final AuditLog audit;
    private final Clock clock;

    ReturnCollation(ReturnBoard board, ReturnStates states,
            ReturnStore store, ReturnExtracts extracts, CollationStore collations, KpiTables kpiTables, Organisations organisations,
            AuditLog audit, Clock clock) {
        this.board = board;
        this.states = states;
        this.store = store;
        this.extracts = extracts;
        this.collations = collations;
        this.kpiTables = kpiTables;
        this.organisations = organisations;
        this.audit = audit;
        this.clock = clock;
    }

    /** Where the quarter's collation stands, for a person who approves its localities' returns. */
    Collation collation(CurrentUser user, String programmeCode, int year, int quarterNumber) {
        ReturnBoard.Board b = board.board(user, programmeCode, year);
        if (quarterNumber < 1 || quarterNumber > 4) {
            throw new OutOfScopeException();
        }
        Quarter quarter = Quarter.of(year, quarterNumber);
        if (!b.quarters().contains(quarter)) {
            throw new OutOfScopeException();
        }
        Programme programme = b.programme();
        Set<Long> expected = board.localities(user, programme.id()).stream()
                .filter(c -> Returns.overlaps(c, quarter)).map(Contract::providerOrganisationId)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Map<Long, DataReturn> latest = states.latest(expected, programme.id(), quarter.financialYear(), false)
                .stream().filter(r -> r.quarter().equals(quarter))
                .collect(Collectors.toMap(DataReturn::organisationId, Function.identity()));
        Map<Long, String> names = organisations.namesById();
        List<Part> parts = expected.stream().map(id -> new Part(id, names.get(id), latest.get(id)))
                .sorted(Comparator.comparing(Part::name)).toList();
        return new Collation(programme, b.template(), quarter, parts,
                board.latestCollated(user, programme.id(), quarter).orElse(null));
    }

    /** Collates the approved returns into the hub's return, replacing an unsent collation. */
    @Transactional
    DataReturn collate(CurrentUser user, Collation collation) {
        if (!collation.ready()) {
            throw new ReturnStateException("Every locality's return must be approved before you collate them: "
                    + collation.parts().stream().filter(p -> !p.approved()).map(Part::name)
                            .collect(Collectors.joining(", ")) + (collation.parts().stream()
                                    .filter(p -> !p.approved()).count() == 1 ? " is" : " are") + " not");
        }
        Quarter quarter = collation.quarter();
        long id = collations.draft(user.organisationId(), collation.programme().id(), quarter, clock.instant(),
                user.id());
        List<Long> partIds = collation.parts().stream().map(p -> p.latest().id()).toList();
        collations.insertParts(id, partIds);
        int rows = collations.copyRows(id, collation.parts().stream()
                .collect(Collectors.toMap(p -> p.latest().id(), Part::name)));
        List<ReturnFigure> figures = figures(user, collation, partIds);
        store.insertFigures(id, figures);
        List<ExtractRow> extract = rows == 0 ? List.of() : store.rows(id, Integer.MAX_VALUE);
        PersonalDataScan scan = PersonalDataScan.withNames(rows == 0 ? List.of() : extracts.participantNames(id));
        store.insertIssues(id, ReturnValidation.validate(collation.template(), quarter, figures, extract, scan));
        store.finish(id, rows);
        audit.recordChange("COLLATE", "data_return", id, user.organisationId(), collation.programme().code() + " "
                + quarter.label() + ": " + partIds.size() + " returns, " + rows + " participants");
        return states.byId(id).orElseThrow();
    }

    /** Marks the hub's collated return sent; national users can then download it. */
    @Transactional
    void send(CurrentUser user, Collation collation) {
        DataReturn collated = collation.collated();
        if (collated == null || !collated.draft()) {
            throw new ReturnStateException("Collate the localities' returns before you send the return");
        }
        if (store.issues(collated.id()).stream().anyMatch(ReturnIssue::isError)) {
            throw new ReturnStateException("Put right the validation errors before you send the return");
        }
        if (!states.move(collated.id(), ReturnStatus.DRAFT, ReturnStatus.SENT)) {
            throw new ReturnStateException("The return has already been sent");
        }
        states.submitted(collated.id(), clock.instant());
        states.event(collated.id(), "SENT", clock.instant(), user.id(), null);
        audit.recordChange("SEND", "data_return", collated.id(), user.organisationId(), collation.programme().code()
                + " " + collation.quarter().label() + " version " + collated.version() + " sent");
    }

    private List<ReturnFigure> figures(CurrentUser user, Collation collation, List<Long> partIds) {
        Map<String, ReturnFigure> summed = collations.summed(partIds).stream()
                .collect(Collectors.toMap(ReturnFigure::code, Function.identity()));
        Quarter quarter = collation.quarter();
        Map<String, KpiRow> table = kpiTables.table(user, collation.programme().id(), quarter.financialYear(),
                user.organisationId(), null, quarter.end()).rows().stream()
                .collect(Collectors.toMap(KpiRow::code, Function.identity(), (a, b) -> a));
        List<ReturnFigure> figures = new ArrayList<>();
        for (String code : collation.template().kpiCodes()) {
            KpiRow row = table.get(code);
            if (summed.containsKey(code)) {
                figures.add(summed.get(code));
            } else if (row != null && row.unit() == KpiUnit.PERCENT) {
                BigDecimal actual = row.quarters().get(quarter.number() - 1).actual();
                figures.add(new ReturnFigure(code, row.name(), true, actual, null));
            }
        }
        return figures;
    }
}
