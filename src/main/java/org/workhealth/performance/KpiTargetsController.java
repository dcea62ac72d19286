package org.workhealth.performance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workhealth.calendar.FinancialYear;
import org.workhealth.govuk.FormErrors;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.programme.Contract;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;
import org.workhealth.performance.internal.KpiForecast;
import org.workhealth.performance.internal.KpiTarget;
import org.workhealth.performance.internal.KpiTargetEntry;
import org.workhealth.performance.internal.KpiTargets;

/**
 * A contract's targets for a financial year: per KPI a total, a baseline and each quarter's forecast, a
 * number or "as left". The KPIs are the programme's, so the fields are named by KPI id and read from the
 * request rather than bound to a fixed form; only names the page offers are read.
 */
@Controller
class KpiTargetsController {

    private static final Pattern WHOLE = Pattern.compile("\\d{1,9}");

    /** The answers for one KPI, as typed. */
    record TargetAnswers(long kpiId, String name, String total, String baseline, List<QuarterAnswer> quarters) {
    }

    record QuarterAnswer(int number, String label, String forecast, boolean asLeft) {
    }

    private final KpiTargets targets;
    private final KpiDefinitions definitions;
    private final Programmes programmes;
    private final KpiTables tables;

    KpiTargetsController(KpiTargets targets, KpiDefinitions definitions, Programmes programmes, KpiTables tables) {
        this.targets = targets;
        this.definitions = definitions;
        this.programmes = programmes;
        this.tables = tables;
    }

    @GetMapping("/performance/targets")
    String show(CurrentUser user, @RequestParam(name = "contract", required = false) String contractParam,
            @RequestParam(name = "year", required = false) String yearParam, Model model) {
        Contract contract = targets.settable(user, id(contractParam));
        FinancialYear year = year(yearParam);
        List<KpiDefinition> kpis = kpis(contract);
        Map<Long, KpiTarget> saved = new java.util.HashMap<>();
        targets.forContracts(List.of(contract.id()), year).forEach(t -> saved.put(t.kpiDefinitionId(), t));
        List<TargetAnswers> answers = kpis.stream().map(kpi -> {
            KpiTarget target = saved.get(kpi.id());
            List<QuarterAnswer> quarters = new ArrayList<>();
            for (int q = 1; q <= 4; q++) {
                KpiForecast forecast = target == null ? KpiForecast.none(q) : target.forecast(q);
                quarters.add(new QuarterAnswer(q, quarterLabel(year, q),
                        forecast.forecast() == null ? "" : String.valueOf(forecast.forecast()), forecast.asLeft()));
            }
            return new TargetAnswers(kpi.id(), kpi.name(), target == null ? "" : String.valueOf(target.total()),
                    target == null || target.baseline() == null ? "" : String.valueOf(target.baseline()), quarters);
        }).toList();
        model.addAttribute("errors", FormErrors.none());
        return page(contract, year, answers, model);
    }

    @PostMapping("/performance/targets")
    String save(CurrentUser user, @RequestParam(name = "contract", required = false) String contractParam,
            @RequestParam(name = "year", required = false) String yearParam,
            @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
        Contract contract = targets.settable(user, id(contractParam));
        FinancialYear year = year(yearParam);
        List<KpiDefinition> kpis = kpis(contract);
        List<TargetAnswers> answers = new ArrayList<>();
        List<String[]> problems = new ArrayList<>();
        List<KpiTargetEntry> entries = new ArrayList<>();
        for (KpiDefinition kpi : kpis) {
            String prefix = "k" + kpi.id();
            String total = form.getFirst(prefix + "-total");
            String baseline = form.getFirst(prefix + "-baseline");
            List<QuarterAnswer> quarters = new ArrayList<>();
            for (int q = 1; q <= 4; q++) {
                quarters.add(new QuarterAnswer(q, quarterLabel(year, q), text(form.getFirst(prefix + "-q" + q)),
                        "true".equals(form.getFirst(prefix + "-q" + q + "-as-left"))));
            }
            TargetAnswers answer = new TargetAnswers(kpi.id(), kpi.name(), text(total), text(baseline), quarters);
            answers.add(answer);
            entries.add(check(kpi, prefix, answer, problems));
        }
        if (!problems.isEmpty()) {
            model.addAttribute("errors", FormErrors.ofProblems(problems));
            return page(contract, year, answers, model);
        }
        targets.save(user, contract.id(), year, entries);
        Programme programme = programmes.find(contract.programmeId()).orElseThrow();
        redirect.addFlashAttribute("notice", "Targets for " + contract.reference() + " in " + year.label() + " saved");
        return "redirect:/performance/" + programme.code() + "/" + year.startYear() + "?contract=" + contract.id();
    }

    /** Checks one KPI's answers; problems are added in page order. @return the entry, or null when in error */
    private static KpiTargetEntry check(KpiDefinition kpi, String prefix, TargetAnswers answer,
            List<String[]> problems) {
        int before = problems.size();
        boolean anything = !answer.total().isEmpty() || !answer.baseline().isEmpty()
                || answer.quarters().stream().anyMatch(q -> !q.forecast().isEmpty() || q.asLeft());
        Integer total = null;
        if (answer.total().isEmpty()) {
            if (anything) {
                problem(problems, prefix + "-total", "Enter the total target for " + kpi.name());
            }
        } else if (!WHOLE.matcher(answer.total()).matches()) {
            problem(problems, prefix + "-total", "Total target for " + kpi.name() + " must be a whole number, 0 or more");
        } else {
            total = Integer.valueOf(answer.total());
        }
        Integer baseline = null;
        if (!answer.baseline().isEmpty()) {
            if (WHOLE.matcher(answer.baseline()).matches()) {
                baseline = Integer.valueOf(answer.baseline());
            } else {
                problem(problems, prefix + "-baseline", "Baseline for " + kpi.name()
                        + " must be a whole number, 0 or more");
            }
        }
        List<KpiForecast> forecasts = new ArrayList<>();
        for (QuarterAnswer quarter : answer.quarters()) {
            String field = prefix + "-q" + quarter.number();
            if (quarter.asLeft() && !quarter.forecast().isEmpty()) {
                problem(problems, field, "Enter a Q" + quarter.number() + " forecast for " + kpi.name()
                        + " or choose as left, not both");
            } else if (quarter.asLeft()) {
                forecasts.add(KpiForecast.asLeft(quarter.number()));
            } else if (!quarter.forecast().isEmpty()) {
                if (WHOLE.matcher(quarter.forecast()).matches()) {
                    forecasts.add(KpiForecast.of(quarter.number(), Integer.parseInt(quarter.forecast())));
                } else {
                    problem(problems, field, "Q" + quarter.number() + " forecast for " + kpi.name()
                            + " must be a whole number, 0 or more");
                }
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new KpiTargetEntry(kpi.id(), total, baseline, forecasts);
    }

    private static void problem(List<String[]> problems, String field, String message) {
        problems.add(new String[] {field, message, field});
    }

    private String page(Contract contract, FinancialYear year, List<TargetAnswers> answers, Model model) {
        Programme programme = programmes.find(contract.programmeId()).orElseThrow(OutOfScopeException::new);
        model.addAttribute("contract", contract);
        model.addAttribute("programme", programme);
        model.addAttribute("year", year);
        model.addAttribute("answers", answers);
        model.addAttribute("backLink", "/performance/" + programme.code() + "/" + year.startYear() + "?contract="
                + contract.id());
        return "performance/targets";
    }

    /** Ratios are worked out from other KPIs, so they have no targets of their own here. */
    private List<KpiDefinition> kpis(Contract contract) {
        return definitions.forProgramme(contract.programmeId()).stream()
                .filter(k -> k.source() != KpiSource.RATIO).toList();
    }

    private FinancialYear year(String answer) {
        if (answer == null || answer.isBlank()) {
            return FinancialYear.containing(tables.today());
        }
        try {
            int start = Integer.parseInt(answer.strip());
            if (start < 2000 || start > 2100) {
                throw new OutOfScopeException();
            }
            return FinancialYear.of(start);
        } catch (NumberFormatException e) {
            throw new OutOfScopeException();
        }
    }

    private static long id(String answer) {
        try {
            return Long.parseLong(answer == null ? "" : answer.strip());
        } catch (NumberFormatException e) {
            throw new OutOfScopeException();
        }
    }

    private static String text(String answer) {
        return answer == null ? "" : answer.strip().replace(",", "");
    }

    private static String quarterLabel(FinancialYear year, int number) {
        String[] months = {"April to June", "July to September", "October to December", "January to March"};
        return "Q" + number + " (" + months[number - 1] + ")";
    }
}
