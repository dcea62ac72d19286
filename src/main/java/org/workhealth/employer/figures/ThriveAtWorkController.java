package org.workhealth.employer.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.workhealth.calendar.FinancialYear;
import org.workhealth.employer.internal.EmployerAccess;
import org.workhealth.employer.internal.EmployerScope;
import org.workhealth.govuk.DateAnswer;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.organisation.Permission;
import org.workhealth.performance.KpiTable;
import org.workhealth.performance.KpiTables;
import org.workhealth.programme.Programme;
import org.workhealth.programme.SupportType;

/**
 * The Thrive at Work dashboard, for the hub's commissioners and managers and its advisors: the programme's four
 * KPIs this year (the performance module's table, for those who see figures), employers by sector and stage, and
 * the employees in signed-up employers, the entered baseline and the record's shown apart. Figures only, no names.
 */
@Controller
class ThriveAtWorkController {

    private final EmployerAccess employerAccess;
    private final ThriveAtWorkFigures figures;
    private final KpiTables kpiTables;

    ThriveAtWorkController(EmployerAccess employerAccess, ThriveAtWorkFigures figures, KpiTables kpiTables) {
        this.employerAccess = employerAccess;
        this.figures = figures;
        this.kpiTables = kpiTables;
    }

    @GetMapping("/thrive-at-work")
    String dashboard(CurrentUser user, Model model) {
        if (!user.has(Permission.ADVISE_EMPLOYERS) && !user.has(Permission.MANAGE_EMPLOYER_PROGRAMME)) {
            throw new OutOfScopeException();
        }
        EmployerScope scope = employerAccess.scope(user);
        FinancialYear year = FinancialYear.containing(kpiTables.today());
        List<KpiTable> tables = new ArrayList<>();
        if (user.has(Permission.VIEW_FIGURES)) {
            for (Programme programme : kpiTables.programmesWithFigures(user)) {
                if (programme.supportType() == SupportType.EMPLOYER_ACCREDITATION) {
                    tables.add(kpiTables.table(user, programme.id(), year));
                }
            }
        }
        List<ThriveAtWorkFigures.SectorRow> sectors = figures.bySector(scope);
        ThriveAtWorkFigures.Employees employees = figures.employees(scope);
        model.addAttribute("year", year);
        model.addAttribute("tables", tables);
        model.addAttribute("seesFigures", user.has(Permission.VIEW_FIGURES));
        model.addAttribute("sectors", sectors);
        model.addAttribute("totals", new long[] {
                sectors.stream().mapToLong(ThriveAtWorkFigures.SectorRow::pending).sum(),
                sectors.stream().mapToLong(ThriveAtWorkFigures.SectorRow::confirmed).sum(),
                sectors.stream().mapToLong(ThriveAtWorkFigures.SectorRow::declined).sum()});
        ThriveAtWorkFigures.AwardFigures awards = figures.awards(scope);
        model.addAttribute("levels", awards.byLevel().entrySet().stream()
                .map(e -> List.of(e.getKey(), number(e.getValue()))).toList());
        model.addAttribute("lapsed", number(awards.lapsed()));
        model.addAttribute("withoutAward", number(awards.withoutAward()));
        model.addAttribute("medianToAward", awards.medianDaysToAward() == null ? "No awards yet"
                : number(awards.medianDaysToAward()) + " days");
        model.addAttribute("employees", employees);
        model.addAttribute("employeesText", number(employees.employees()));
        model.addAttribute("employersText", number(employees.employers()));
        model.addAttribute("baselineText", employees.baselineAsOf() == null ? null
                : number(employees.baselineEmployees()) + " employees in " + number(employees.baselineEmployers())
                        + " employers, entered as at " + DateAnswer.format(employees.baselineAsOf()) + " ("
                        + employees.baselineSource() + ")");
        model.addAttribute("recordedText", number(employees.recordedEmployees()) + " employees in "
                + number(employees.recordedEmployers()) + " employers signed up in the service");
        return "employer/thrive-at-work";
    }

    private static String number(long value) {
        return String.format(Locale.UK, "%,d", value);
    }
}
