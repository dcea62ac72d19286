package org.workhealth.performance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.workhealth.calendar.FinancialYear;
import org.workhealth.govuk.Choices;
import org.workhealth.govuk.DateAnswer;
import org.workhealth.organisation.AccessPolicy;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OrganisationSummary;
import org.workhealth.organisation.Organisations;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.organisation.Permission;
import org.workhealth.programme.Contract;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;
import org.workhealth.performance.internal.TrendChart;

/**
 * The performance dashboard: the programmes whose figures a person may see, and each programme's KPI table
 * for a financial year. The pages show numbers only, never names, so a national user may read them.
 */
@Controller
class PerformanceController {

    record ProgrammeLink(String name, String href) {
    }

    record ProgrammeYears(String name, List<ProgrammeLink> years) {
    }

    /**
     * The dashboard's filters. {@code asAt} is never bound: it names the date input for error messages. A table
     * drawn "as at" a day counts figures up to that day and shows the quarters after it as not started.
     */
    record DashboardForm(String organisation, String contract, LocalDate asAt, String asAtDay, String asAtMonth,
            String asAtYear) {
    }

    private final KpiTables tables;
    private final Programmes programmes;
    private final Organisations organisations;
    private final AccessPolicy access;

    PerformanceController(KpiTables tables, Programmes programmes, Organisations organisations, AccessPolicy access) {
        this.tables = tables;
        this.programmes = programmes;
        this.organisations = organisations;
        this.access = access;
    }

    @GetMapping("/performance")
    String index(CurrentUser user, Model model) {
        FinancialYear year = FinancialYear.containing(tables.today());
        model.addAttribute("year", year);
        // This year and last: last year's table is the one complete with every quarter's actuals.
        model.addAttribute("programmes", tables.programmesWithFigures(user).stream()
                .map(p -> new ProgrammeYears(p.name(), List.of(
                        new ProgrammeLink(year.label(), "/performance/" + p.code() + "/" + year.startYear()),
                        new ProgrammeLink(year.previous().label(),
                                "/performance/" + p.code() + "/" + year.previous().startYear()))))
                .toList());
        model.addAttribute("maySetTargets", user.has(Permission.MANAGE_PROGRAMMES));
        model.addAttribute("mayEnterFigures", user.has(Permission.SUBMIT_RETURNS_AND_CLAIMS)
                || user.has(Permission.MANAGE_PROGRAMMES));
        return "performance/index";
    }

    @InitBinder("form")
    void allowFields(WebDataBinder binder) {
        binder.setAllowedFields("organisation", "contract", "asAtDay", "asAtMonth", "asAtYear");
    }

    @GetMapping("/performance/{code}/{yearStart}")
    String dashboard(CurrentUser user, @PathVariable String code, @PathVariable int yearStart,
            @ModelAttribute("form") DashboardForm form, BindingResult result, Model model) {
        if (!user.has(Permission.VIEW_FIGURES)) {
            throw new OutOfScopeException();
        }
        Programme programme = programmes.findByCode(code).orElseThrow(OutOfScopeException::new);
        if (yearStart < 2000 || yearStart > 2100) {
            throw new OutOfScopeException();
        }
        FinancialYear year = FinancialYear.of(yearStart);
        Long organisationId = id(form.organisation());
        Long contractId = id(form.contract());
        LocalDate asAt = asAt(form, year, result);
        KpiTable table = tables.table(user, programme.id(), year, organisationId, contractId,
                asAt == null ? tables.today() : asAt);
        List<Contract> contracts = tables.contracts(user, programme.id(), null, null);

        String base = "/performance/" + programme.code() + "/";
        String filters = (organisationId == null ? "" : "organisation=" + organisationId)
                + (organisationId != null && contractId != null ? "&" : "")
                + (contractId == null ? "" : "contract=" + contractId);
        String query = filters.isEmpty() ? "" : "?" + filters;
        model.addAttribute("programme", programme);
        model.addAttribute("table", table);
        model.addAttribute("year", year);
        model.addAttribute("previousHref", base + year.previous().startYear() + query);
        model.addAttribute("nextHref", base + year.next().startYear() + query);
        model.addAttribute("formAction", base + year.startYear());
        model.addAttribute("organisationItems", Choices.select("All organisations",
                organisationsOf(user, contracts), OrganisationSummary::id, OrganisationSummary::name, organisationId));
        model.addAttribute("contractItems", Choices.select("All contracts", contracts, Contract::id,
                Contract::reference, contractId));
        model.addAttribute("maySetTargets", user.has(Permission.MANAGE_PROGRAMMES));
        model.addAttribute("targetLinks", user.has(Permission.MANAGE_PROGRAMMES) ? contracts.stream()
                .filter(c -> access.may(user, Permission.MANAGE_PROGRAMMES, c.commissionerOrganisationId()))
                .map(c -> new ProgrammeLink(c.reference(), "/performance/targets?contract=" + c.id() + "&year="
                        + year.startYear()))
                .toList() : List.of());
        model.addAttribute("charts", table.rows().stream().map(TrendChart::of).toList());
        String organisationQuery = organisationId == null ? "" : "?organisation=" + organisationId;
        model.addAttribute("funnelHref", base + year.startYear() + "/funnel" + organisationQuery);
        model.addAttribute("responsesHref", base + year.startYear() + "/responses" + organisationQuery);
        model.addAttribute("equalityHref", base + year.startYear() + "/equality" + organisationQuery);
        model.addAttribute("asAtChosen", asAt != null);
        model.addAttribute("backLink", "/performance");
        return "performance/dashboard";
    }

    /** The day chosen to draw the table as at, or null for today; a date that is no day, or is to come, is an error. */
    private LocalDate asAt(DashboardForm form, FinancialYear year, BindingResult result) {
        if (!DateAnswer.answered(form.asAtDay(), form.asAtMonth(), form.asAtYear())) {
            return null;
        }
        DateAnswer answer = DateAnswer.parse("Figures as at", form.asAtDay(), form.asAtMonth(), form.asAtYear());
        if (!answer.valid()) {
            result.rejectValue("asAt", "invalid", answer.error());
            return null;
        }
        if (answer.date().isAfter(tables.today())) {
            result.rejectValue("asAt", "future", "Figures as at must be today or in the past");
            return null;
        }
        if (answer.date().isBefore(year.start())) {
            result.rejectValue("asAt", "beforeYear", "Figures as at must be on or after "
                    + DateAnswer.format(year.start()) + ", the start of " + year.label());
            return null;
        }
        return answer.date();
    }

    /** The organisations in the person's scope that deliver one of the contracts, or sit above one that does. */
    private List<OrganisationSummary> organisationsOf(CurrentUser user, List<Contract> contracts) {
        List<OrganisationSummary> scope = organisations.within(access.scope(user));
        Map<Long, OrganisationSummary> byId = new HashMap<>();
        scope.forEach(o -> byId.put(o.id(), o));
        Set<Long> wanted = new LinkedHashSet<>();
        for (Contract contract : contracts) {
            Long current = contract.providerOrganisationId();
            while (current != null && byId.containsKey(current) && wanted.add(current)) {
                current = byId.get(current).parentId();
            }
        }
        List<OrganisationSummary> result = new ArrayList<>();
        for (OrganisationSummary organisation : scope) {
            if (wanted.contains(organisation.id())) {
                result.add(organisation);
            }
        }
        return result;
    }

    /** An id from the query string; anything else is a tampered link. */
    private static Long id(String answer) {
        if (answer == null || answer.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(answer.strip());
        } catch (NumberFormatException e) {
            throw new OutOfScopeException();
        }
    }
}
