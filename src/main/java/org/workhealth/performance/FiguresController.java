package org.workhealth.performance;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.workhealth.calendar.FinancialYear;
import org.workhealth.calendar.Quarter;
import org.workhealth.govuk.DateAnswer;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.performance.internal.KpiFigure;
import org.workhealth.performance.internal.KpiFigures;

/**
 * Figures entered by hand, for programmes run outside the service: the contracts a person may
 * enter figures for, a contract's quarters for a year, and the history of one quarter's figure.
 */
@Controller
class FiguresController {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' h:mma", Locale.UK);
    private static final List<String> MONTHS = List.of("April to June", "July to September", "October to December",
            "January to March");

    record ContractRow(String reference, String programme, String provider, String period, List<YearLink> years) {
    }

    record YearLink(String label, String href) {
    }

    record QuarterRow(String quarter, String figure, String note, String enteredBy, String actionText,
            String actionHref, String historyHref, boolean corrected) {
    }

    record KpiSection(String name, String caption, List<QuarterRow> rows) {
    }

    record HistoryRow(String figure, String note, String enteredBy, String enteredAt, boolean current) {
    }

    private final FigureAccess figureAccess;
    private final KpiFigures figures;
    private final Clock clock;

    FiguresController(FigureAccess figureAccess, KpiFigures figures, Clock clock) {
        this.figureAccess = figureAccess;
        this.figures = figures;
        this.clock = clock;
    }

    @GetMapping("/performance/figures")
    String list(CurrentUser user, Model model) {
        LocalDate today = LocalDate.now(clock);
        List<EnteredContract> contracts = figureAccess.contractsFor(user);
        model.addAttribute("contracts", contracts.stream().map(c -> new ContractRow(c.reference(), c.programmeName(),
                c.providerName(), DateAnswer.format(c.startsOn()) + " to " + DateAnswer.format(c.endsOn()),
                c.years().stream().filter(y -> !y.start().isAfter(today))
                        .map(y -> new YearLink(y.label(), yearHref(c, y))).toList())).toList());
        return "performance/figures";
    }

    @GetMapping("/performance/figures/{contractId}")
    String currentYear(CurrentUser user, @PathVariable long contractId) {
        EnteredContract contract = figureAccess.require(user, contractId);
        return "redirect:" + yearHref(contract, contract.yearFor(LocalDate.now(clock)));
    }

    @GetMapping("/performance/figures/{contractId}/{yearStart}")
    String year(CurrentUser user, @PathVariable long contractId, @PathVariable int yearStart, Model model) {
        EnteredContract contract = figureAccess.require(user, contractId);
        FinancialYear year = year(contract, yearStart);
        LocalDate today = LocalDate.now(clock);
        List<EnteredKpi> kpis = figureAccess.kpis(contract.programmeId());
        List<KpiFigure> current = figures.current(List.of(contractId), year);
        Map<Long, String> names = figureAccess.names(current.stream().map(KpiFigure::enteredBy).toList());
        List<KpiSection> sections = new ArrayList<>();
        for (EnteredKpi kpi : kpis) {
            List<QuarterRow> rows = new ArrayList<>();
            for (Quarter quarter : year.quarters()) {
                KpiFigure figure = current.stream()
                        .filter(f -> f.kpiDefinitionId() == kpi.id() && f.quarter() == quarter.number())
                        .findFirst().orElse(null);
                String label = "Q" + quarter.number() + " (" + MONTHS.get(quarter.number() - 1) + ")";
                String base = entryHref(contract, year, kpi, quarter);
                if (!contract.runsIn(quarter)) {
                    rows.add(new QuarterRow(label, "Outside the contract", null, null, null, null, null, false));
                } else if (!kpi.takesFigureFor(quarter) && figure == null) {
                    rows.add(new QuarterRow(label, "Counted from the record", null, null, null, null, null, false));
                } else if (quarter.start().isAfter(today)) {
                    rows.add(new QuarterRow(label, "Not started", null, null, null, null, null, false));
                } else if (figure == null) {
                    rows.add(new QuarterRow(label, "Not entered", null, null, "Enter", base, null, false));
                } else {
                    rows.add(new QuarterRow(label, String.format(Locale.UK, "%,d", figure.figure()), figure.note(),
                            names.get(figure.enteredBy()) + ", " + when(figure.enteredAt()), "Correct", base,
                            base + "/history", figure.supersedesId() != null));
                }
            }
            sections.add(new KpiSection(kpi.name(), kpi.name() + ", " + year.label()
                    + (kpi.countedFrom() == null ? ""
                            : " (counted from the record from " + DateAnswer.format(kpi.countedFrom())
                                    + "; figures here are for the time before)"), rows));
        }
        model.addAttribute("contract", contract);
        model.addAttribute("year", year);
        model.addAttribute("sections", sections);
        model.addAttribute("otherYears", contract.years().stream()
                .filter(y -> !y.equals(year) && !y.start().isAfter(today))
                .map(y -> new YearLink(y.label(), yearHref(contract, y))).toList());
        model.addAttribute("dashboardHref", "/performance/" + contract.programmeCode() + "/" + year.startYear());
        model.addAttribute("backLink", "/performance/figures");
        return "performance/figures-year";
    }

    @GetMapping("/performance/figures/{contractId}/{yearStart}/{kpiId}/{quarterNumber}/history")
    String history(CurrentUser user, @PathVariable long contractId, @PathVariable int yearStart,
            @PathVariable long kpiId, @PathVariable int quarterNumber, Model model) {
        EnteredContract contract = figureAccess.require(user, contractId);
        FinancialYear year = year(contract, yearStart);
        EnteredKpi kpi = kpi(contract, kpiId);
        Quarter quarter = quarter(contract, year, quarterNumber);
        List<KpiFigure> history = figures.history(kpi.id(), contractId, quarter);
        Map<Long, String> names = figureAccess.names(history.stream().map(KpiFigure::enteredBy).toList());
        model.addAttribute("contract", contract);
        model.addAttribute("kpi", kpi);
        model.addAttribute("quarter", quarter);
        model.addAttribute("rows", history.stream().map(f -> new HistoryRow(String.format(Locale.UK, "%,d", f.figure()),
                f.note(), names.get(f.enteredBy()), when(f.enteredAt()), f == history.get(0))).toList());
        model.addAttribute("backLink", yearHref(contract, year));
        return "performance/figure-history";
    }

    static String when(Instant instant) {
        return WHEN.format(instant.atZone(LONDON)).replace("AM", "am").replace("PM", "pm");
    }

    static String yearHref(EnteredContract contract, FinancialYear year) {
        return "/performance/figures/" + contract.id() + "/" + year.startYear();
    }

    static String entryHref(EnteredContract contract, FinancialYear year, EnteredKpi kpi, Quarter quarter) {
        return yearHref(contract, year) + "/" + kpi.id() + "/" + quarter.number();
    }

    /** The year in the address, when the contract runs in it; else the page does not exist. */
    static FinancialYear year(EnteredContract contract, int yearStart) {
        if (yearStart < 1000 || yearStart > 9998) {
            throw new OutOfScopeException();
        }
        FinancialYear year = FinancialYear.of(yearStart);
        if (!contract.runsIn(year)) {
            throw new OutOfScopeException();
        }
        return year;
    }

    EnteredKpi kpi(EnteredContract contract, long kpiId) {
        return figureAccess.kpis(contract.programmeId()).stream().filter(k -> k.id() == kpiId).findFirst()
                .orElseThrow(OutOfScopeException::new);
    }

    /** A quarter of the contract that has started: figures are never entered ahead of time. */
    Quarter quarter(EnteredContract contract, FinancialYear year, int number) {
        if (number < 1 || number > 4) {
            throw new OutOfScopeException();
        }
        Quarter quarter = year.quarter(number);
        if (!contract.runsIn(quarter) || quarter.start().isAfter(LocalDate.now(clock))) {
            throw new OutOfScopeException();
        }
        return quarter;
    }

    /** A quarter of the contract that this KPI takes a figure for: a counted KPI only before the record counted it. */
    Quarter quarter(EnteredContract contract, FinancialYear year, EnteredKpi kpi, int number) {
        Quarter quarter = quarter(contract, year, number);
        if (!kpi.takesFigureFor(quarter)) {
            throw new OutOfScopeException();
        }
        return quarter;
    }
}
