package org.workhealth.employer.assessment;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.workhealth.employer.Employer;
import org.workhealth.employer.Employers;
import org.workhealth.employer.framework.FrameworkLevel;
import org.workhealth.employer.framework.Frameworks;
import org.workhealth.organisation.PublicPaths;

/**
 * The public register of accredited employers: those with a current award (not withdrawn, not lapsed) that agreed
 * to be listed, with their level and award date. No sign-in; searchable by name and filtered by level.
 */
@Controller
class RegisterController {

    static final int PAGE_SIZE = 20;
    static final int SEARCH_MAX = 160;

    record Row(String name, String level, String awardedOn) {
    }

    @Configuration
    static class Open {
        @Bean
        PublicPaths registerPaths() {
            return new PublicPaths("/thrive-at-work/register");
        }
    }

    private final Awards awards;
    private final Employers employers;
    private final Frameworks frameworks;

    RegisterController(Awards awards, Employers employers, Frameworks frameworks) {
        this.awards = awards;
        this.employers = employers;
        this.frameworks = frameworks;
    }

    @GetMapping("/thrive-at-work/register")
    String register(@RequestParam(name = "name", required = false) String name,
            @RequestParam(name = "level", required = false) String level,
            @RequestParam(name = "page", required = false) String page, Model model) {
        List<FrameworkLevel> levels = frameworks.levels();
        String search = name == null ? "" : name.strip();
        if (search.length() > SEARCH_MAX) {
            search = search.substring(0, SEARCH_MAX);
        }
        String levelCode = levels.stream().anyMatch(l -> l.code().equals(level)) ? level : "";
        // Each employer once, at its highest current level.
        Map<Long, CurrentAward> current = awards.current(awards.currentEverywhere().stream().map(Award::employerId)
                .distinct().toList());
        Map<Long, Employer> listed = employers.findAll(current.keySet()).stream().filter(Employer::listedOnRegister)
                .collect(Collectors.toMap(Employer::id, Function.identity()));
        String needle = search.toLowerCase(Locale.UK);
        List<Map.Entry<Long, CurrentAward>> shown = current.entrySet().stream()
                .filter(e -> listed.containsKey(e.getKey()) && !e.getValue().lapsed())
                .filter(e -> levelCode.isEmpty() || e.getValue().level().equals(levelCode))
                .filter(e -> needle.isEmpty() || listed.get(e.getKey()).name().toLowerCase(Locale.UK).contains(needle))
                .sorted(Comparator.comparing(e -> listed.get(e.getKey()).name().toLowerCase(Locale.UK)))
                .toList();
        int pages = Math.max(1, (shown.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int number = 1;
        try {
            number = page == null ? 1 : Math.max(1, Math.min(pages, Integer.parseInt(page)));
        } catch (NumberFormatException e) {
            number = 1;
        }
        List<Row> rows = shown.stream().skip((long) (number - 1) * PAGE_SIZE).limit(PAGE_SIZE)
                .map(e -> new Row(listed.get(e.getKey()).name(), e.getValue().levelName(),
                        AccreditationController.DAY.format(e.getValue().awardedOn())))
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("total", shown.size());
        model.addAttribute("name", search);
        model.addAttribute("level", levelCode);
        model.addAttribute("levelItems", levelItems(levels, levelCode));
        model.addAttribute("page", number);
        model.addAttribute("pages", pages);
        model.addAttribute("query", "name=" + java.net.URLEncoder.encode(search, java.nio.charset.StandardCharsets.UTF_8)
                + "&level=" + levelCode);
        return "employer/assessment/register";
    }

    private static List<Map<String, Object>> levelItems(List<FrameworkLevel> levels, String selected) {
        List<Map<String, Object>> items = new java.util.ArrayList<>();
        items.add(Map.of("value", "", "text", "Any level", "selected", selected.isEmpty()));
        levels.forEach(l -> items.add(Map.of("value", l.code(), "text", l.name(), "selected",
                l.code().equals(selected))));
        return items;
    }
}
