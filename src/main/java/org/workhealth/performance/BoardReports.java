package org.workhealth.performance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Comparator;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.workhealth.calendar.Quarter;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.programme.Contract;
import org.workhealth.programme.Programme;

/**
 * Draws up the board report from the KPI tables: figures only, never names, so no audit entry is
 * needed. A person reports only on programmes with a contract their organisations deliver or commission.
 */
@Service
class BoardReports {

    private final KpiTables tables;
    private final org.springframework.beans.factory.ObjectProvider<PilotSummaries> pilots;
    private final org.workhealth.organisation.AccessPolicy access;

    BoardReports(KpiTables tables, org.springframework.beans.factory.ObjectProvider<PilotSummaries> pilots,
            org.workhealth.organisation.AccessPolicy access) {
        this.tables = tables;
        this.pilots = pilots;
        this.access = access;
    }

    /**
     * @throws OutOfScopeException when the person may not see figures
     */
    List<Programme> programmes(CurrentUser user) {
        return tables.programmesWithFigures(user);
    }

    LocalDate today() {
        return tables.today();
    }

    /** The quarter boards usually want: the last one to have finished. */
    Quarter lastFinished() {
        return Quarter.containing(today()).previous();
    }

    /**
     * The quarter running today and those before it, newest first, back to the first quarter in which a contract
     * the person may see began: before that there is nothing to report.
     */
    List<Quarter> quartersOffered(CurrentUser user) {
        List<Quarter> quarters = new ArrayList<>();
        Optional<Quarter> first = firstQuarter(user, programmes(user).stream().map(Programme::code).toList());
        if (first.isEmpty()) {
            return quarters;
        }
        for (Quarter quarter = Quarter.containing(today()); quarter.compareTo(first.get()) >= 0;
                quarter = quarter.previous()) {
            quarters.add(quarter);
        }
        return quarters;
    }

    /**
     * The quarter in which the first contract of these programmes that the person may see began; empty when they
     * see none. Codes of programmes they may not see are passed over here and refused by {@link #report}.
     */
    Optional<Quarter> firstQuarter(CurrentUser user, Collection<String> programmeCodes) {
        Set<String> codes = new LinkedHashSet<>();
        programmeCodes.forEach(code -> codes.add(code.strip().toUpperCase(Locale.ROOT)));
        return programmes(user).stream().filter(programme -> codes.contains(programme.code()))
                .flatMap(programme -> tables.contracts(user, programme.id(), null, null).stream())
                .map(Contract::startsOn).min(Comparator.naturalOrder()).map(Quarter::containing);
    }

    boolean started(Quarter quarter) {
        return !quarter.start().isAfter(today());
    }

    /**
     * The report for the programmes with these codes, in the order the form lists them. A quarter
     * still running is drawn up as at today.
     *
     * @throws OutOfScopeException when a code names no programme whose figures the person may see
     */
    BoardReport report(CurrentUser user, Collection<String> programmeCodes, Quarter quarter) {
        Set<String> codes = new LinkedHashSet<>();
        programmeCodes.forEach(code -> codes.add(code.strip().toUpperCase(Locale.ROOT)));
        List<Programme> visible = programmes(user);
        Set<String> visibleCodes = new LinkedHashSet<>();
        visible.forEach(programme -> visibleCodes.add(programme.code()));
        if (codes.isEmpty() || !visibleCodes.containsAll(codes)) {
            throw new OutOfScopeException();
        }
        LocalDate asOf = quarter.end().isAfter(today()) ? today() : quarter.end();
        List<KpiTable> chosen = visible.stream().filter(programme -> codes.contains(programme.code()))
                .map(programme -> table(user, programme.id(), quarter))
                .toList();
        // Pilots of the organisations the person sees, beside their programme's table, from whichever module keeps them.
        Set<Long> scope = access.scope(user);
        java.util.Map<Long, List<PilotSummary>> pilotsByProgramme = new java.util.HashMap<>();
        for (KpiTable table : chosen) {
            List<PilotSummary> found = pilots.orderedStream()
                    .flatMap(source -> source.forProgramme(table.programmeId(), scope, quarter).stream()).toList();
            if (!found.isEmpty()) {
                pilotsByProgramme.put(table.programmeId(), found);
            }
        }
        return new BoardReport(quarter, asOf, chosen, pilotsByProgramme);
    }

    /**
     * A programme's table to the end of the quarter (or to today, for the quarter still running): that quarter
     * and those before it finished and rated, later ones not started.
     */
    KpiTable table(CurrentUser user, long programmeId, Quarter quarter) {
        LocalDate asOf = quarter.end().isAfter(today()) ? today() : quarter.end();
        return tables.table(user, programmeId, quarter.financialYear(), null, null, asOf);
    }
}
