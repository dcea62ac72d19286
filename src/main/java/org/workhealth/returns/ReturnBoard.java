package org.workhealth.returns;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.workhealth.calendar.FinancialYear;
import org.workhealth.calendar.Quarter;
import org.workhealth.organisation.AccessPolicy;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.Organisations;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.organisation.Permission;
import org.workhealth.programme.Contract;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;

/**
 * The hub's status board: for a programme and financial year, each locality that delivers it and each quarter
 * that has begun, whether the return is not started, in progress, submitted, returned, approved or overdue, with
 * the hub's own collated return below. A locality is the organisation holding a contract for the programme.
 */
@Service
class ReturnBoard {

    /** One locality's return for one quarter; {@code returnId} is null when there is nothing to open. */
    record Cell(Quarter quarter, String status, boolean overdue, Long returnId, boolean expected) {
    }

    record Line(long organisationId, String organisationName, List<Cell> cells) {
    }

    record Board(Programme programme, ReturnTemplate template, FinancialYear year, List<Quarter> quarters,
            List<Line> lines, List<Cell> hub) {
    }

    private final Programmes programmes;
    private final ReturnTemplates templates;
    private final ReturnStates states;
    private final Organisations organisations;
    private final AccessPolicy access;
    private final Clock clock;

    ReturnBoard(Programmes programmes, ReturnTemplates templates, ReturnStates states, Organisations organisations,
            AccessPolicy access, Clock clock) {
        this.programmes = programmes;
        this.templates = templates;
        this.states = states;
        this.organisations = organisations;
        this.access = access;
        this.clock = clock;
    }

    /** A board the person can open: a programme with a template, and a year in which its localities returned. */
    record Link(Programme programme, FinancialYear year) {
    }

    /** The boards of this financial year and last, for programmes with a template whose localities they oversee. */
    List<Link> boardsFor(CurrentUser user) {
        if (!user.has(Permission.APPROVE_RETURNS_AND_CLAIMS)) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        FinancialYear thisYear = FinancialYear.containing(today);
        Map<Programme, List<Contract>> delivered = new java.util.LinkedHashMap<>();
        for (Programme programme : programmes.all()) {
            List<Contract> contracts = localities(user, programme.id());
            if (!contracts.isEmpty()) {
                delivered.put(programme, contracts);
            }
        }
        Set<Long> withTemplate = templates.all(delivered.keySet().stream().map(Programme::id).toList()).stream()
                .map(ReturnTemplate::programmeId).collect(Collectors.toSet());
        List<Link> links = new ArrayList<>();
        delivered.forEach((programme, contracts) -> {
            for (FinancialYear year : List.of(thisYear, FinancialYear.of(thisYear.startYear() - 1))) {
                boolean returned = year.quarters().stream().filter(q -> !q.start().isAfter(today))
                        .anyMatch(q -> contracts.stream().anyMatch(c -> Returns.overlaps(c, q)));
                if (withTemplate.contains(programme.id()) && returned) {
                    links.add(new Link(programme, year));
                }
            }
        });
        return links;
    }

    Board board(CurrentUser user, String programmeCode, int year) {
        if (!user.has(Permission.APPROVE_RETURNS_AND_CLAIMS) || year < 2000 || year > 2100) {
            throw new OutOfScopeException();
        }
        Programme programme = programmes.findByCode(programmeCode).orElseThrow(OutOfScopeException::new);
        ReturnTemplate template = templates.forProgramme(programme.id()).orElseThrow(OutOfScopeException::new);
        FinancialYear fy = FinancialYear.of(year);
        LocalDate today = LocalDate.now(clock);
        List<Quarter> quarters = fy.quarters().stream().filter(q -> !q.start().isAfter(today)).toList();
        List<Contract> contracts = localities(user, programme.id()).stream()
                .filter(c -> quarters.stream().anyMatch(q -> Returns.overlaps(c, q))).toList();
        if (contracts.isEmpty()) {
            throw new OutOfScopeException();
        }
        Set<Long> organisationIds = contracts.stream().map(Contract::providerOrganisationId)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Map<String, DataReturn> latest = states.latest(organisationIds, programme.id(), fy, false).stream()
                .collect(Collectors.toMap(r -> r.organisationId() + " " + r.quarter(), Function.identity()));
        Map<Long, String> names = organisations.namesById();
        List<Line> lines = new ArrayList<>();
        for (long organisationId : organisationIds) {
            List<Cell> cells = new ArrayList<>();
            for (Quarter q : quarters) {
                boolean expected = contracts.stream().anyMatch(c -> c.providerOrganisationId() == organisationId
                        && Returns.overlaps(c, q));
                cells.add(cell(latest.get(organisationId + " " + q), q, template.dueOn(q), today, expected));
            }
            lines.add(new Line(organisationId, names.get(organisationId), cells));
        }
        lines.sort(Comparator.comparing(Line::organisationName));
        Map<Quarter, DataReturn> collated = states.latest(Set.of(user.organisationId()), programme.id(), fy, true)
                .stream().collect(Collectors.toMap(DataReturn::quarter, Function.identity()));
        List<Cell> hub = quarters.stream().map(q -> cell(collated.get(q), q, template.dueOn(q), today, true)).toList();
        return new Board(programme, template, fy, quarters, lines, hub);
    }

    /** The localities' contracts for the programme: held by an organisation below the person's. */
    List<Contract> localities(CurrentUser user, long programmeId) {
        Set<Long> scope = access.scope(user);
        return programmes.contractsVisibleTo(user, programmeId).stream()
                .filter(c -> scope.contains(c.providerOrganisationId())
                        && c.providerOrganisationId() != user.organisationId())
                .toList();
    }

    private static Cell cell(DataReturn r, Quarter q, LocalDate due, LocalDate today, boolean expected) {
        if (!expected) {
            return new Cell(q, "Not due", false, null, false);
        }
        boolean overdue = (r == null || r.draft()) && today.isAfter(due);
        if (r == null) {
            return new Cell(q, "Not started", overdue, null, true);
        }
        return new Cell(q, r.statusLabel(), overdue, r.id(), true);
    }

    Optional<DataReturn> latestCollated(CurrentUser user, long programmeId, Quarter quarter) {
        return states.latest(Set.of(user.organisationId()), programmeId, quarter.financialYear(), true).stream()
                .filter(r -> r.quarter().equals(quarter)).findFirst();
    }
}
