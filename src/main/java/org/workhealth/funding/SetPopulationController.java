package org.workhealth.funding;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workhealth.funding.internal.HubLocalities;
import org.workhealth.funding.internal.PopulationFigures;
import org.workhealth.govuk.Answers;
import org.workhealth.govuk.FormErrors;
import org.workhealth.organisation.CurrentUser;

/** Setting one locality's population, by a commissioner of the hub above it. */
@Controller
class SetPopulationController {

    record PopulationForm(String population, String estimateYear, String source) {
    }

    private static final String PATH = "/funding/populations/{localityId}";

    private final HubLocalities hubs;
    private final PopulationFigures populations;

    SetPopulationController(HubLocalities hubs, PopulationFigures populations) {
        this.hubs = hubs;
        this.populations = populations;
    }

    @InitBinder("form")
    void allowFields(WebDataBinder binder) {
        binder.setAllowedFields("population", "estimateYear", "source");
    }

    @GetMapping(PATH)
    String show(CurrentUser user, @PathVariable long localityId, Model model) {
        HubLocalities.Locality locality = hubs.requireLocality(user, localityId);
        Optional<PopulationFigures.Figure> current = populations.find(localityId);
        model.addAttribute("form", current.map(f -> new PopulationForm(String.valueOf(f.population()),
                String.valueOf(f.estimateYear()), f.source())).orElse(new PopulationForm(null, null, null)));
        model.addAttribute("errors", FormErrors.none());
        return page(locality, model);
    }

    @PostMapping(PATH)
    String save(CurrentUser user, @PathVariable long localityId, @ModelAttribute("form") PopulationForm form,
            Model model, RedirectAttributes redirect) {
        HubLocalities.Locality locality = hubs.requireLocality(user, localityId);
        List<String[]> problems = new ArrayList<>();
        Long population = population(form.population(), locality.name(), problems);
        Integer year = year(form.estimateYear(), problems);
        String source = Answers.blank(form.source()) ? null : form.source().strip();
        if (source != null && source.length() > PopulationFigures.MAX_SOURCE) {
            problems.add(new String[] {"source", "Source must be " + PopulationFigures.MAX_SOURCE
                    + " characters or fewer", "source"});
        }
        if (!problems.isEmpty()) {
            model.addAttribute("errors", FormErrors.ofProblems(problems));
            return page(locality, model);
        }
        boolean changed = populations.set(user, localityId, population, year, source);
        redirect.addFlashAttribute("notice", "Population of " + locality.name()
                + (changed ? " saved: " + NumberFormat.getIntegerInstance(Locale.UK).format(population)
                        : " unchanged"));
        return "redirect:/funding/populations";
    }

    /** A whole number of people, commas allowed; null with a problem on the field otherwise. */
    static Long population(String answer, String localityName, List<String[]> problems) {
        String text = answer == null ? "" : answer.strip().replace(",", "");
        if (text.isEmpty()) {
            return problem(problems, "population", "Enter the population of " + localityName);
        }
        if (!text.matches("\\d+")) {
            return problem(problems, "population", "The population must be a whole number, like 193,846");
        }
        if (text.length() > 9 || Long.parseLong(text) > PopulationFigures.MAX_POPULATION) {
            return problem(problems, "population", "The population must be "
                    + NumberFormat.getIntegerInstance(Locale.UK).format(PopulationFigures.MAX_POPULATION) + " or less");
        }
        if (Long.parseLong(text) == 0) {
            return problem(problems, "population", "The population must be more than 0");
        }
        return Long.valueOf(text);
    }

    static Integer year(String answer, List<String[]> problems) {
        String text = answer == null ? "" : answer.strip();
        if (text.isEmpty()) {
            return problem(problems, "estimateYear", "Enter the year the estimate is for");
        }
        if (!text.matches("\\d{4}")) {
            return problem(problems, "estimateYear", "The year must be 4 numbers, like 2024");
        }
        int year = Integer.parseInt(text);
        if (year < PopulationFigures.EARLIEST_YEAR || year > PopulationFigures.LATEST_YEAR) {
            return problem(problems, "estimateYear", "The year must be between " + PopulationFigures.EARLIEST_YEAR
                    + " and " + PopulationFigures.LATEST_YEAR);
        }
        return year;
    }

    private static <T> T problem(List<String[]> problems, String field, String message) {
        problems.add(new String[] {field, message, field});
        return null;
    }

    private String page(HubLocalities.Locality locality, Model model) {
        model.addAttribute("locality", locality);
        model.addAttribute("action", "/funding/populations/" + locality.id());
        model.addAttribute("backLink", "/funding/populations");
        return "funding/population-set";
    }
}
