package org.workhealth.funding;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.workhealth.funding.internal.HubLocalities;
import org.workhealth.funding.internal.Money;
import org.workhealth.funding.internal.PopulationFigures;
import org.workhealth.govuk.Answers;
import org.workhealth.govuk.Choices;
import org.workhealth.govuk.FormErrors;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;

/**
 * Sharing a hub's pot among its localities. The hub is the commissioner's own, or the one chosen on the
 * list when they look after several ({@code ?hub=}); it is checked on every request, so an edited id is
 * "not found". The localities and their populations are shown on the page, because a missing one stops
 * the pot being shared.
 */
@Controller
class NewAllocationController {

    record AllocationForm(String name, String programmeId, String pot, String basicPercent, String period) {
    }

    static final int MAX_NAME = 200;
    static final int MAX_PERIOD = 100;
    private static final String DEFAULT_BASIC_PERCENT = "60";
    private static final Pattern WHOLE = Pattern.compile("\\d+");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    /** More pounds than {@link Money} reads: twelve digits or more, commas and a £ left out. */
    private static final Pattern TOO_MANY_POUNDS = Pattern.compile("\\d{12,}(\\.\\d*)?");

    private final Allocations allocations;
    private final PopulationFigures populations;
    private final HubLocalities hubs;
    private final Programmes programmes;

    NewAllocationController(Allocations allocations, PopulationFigures populations, HubLocalities hubs,
            Programmes programmes) {
        this.allocations = allocations;
        this.populations = populations;
        this.hubs = hubs;
        this.programmes = programmes;
    }

    @InitBinder("form")
    void allowFields(WebDataBinder binder) {
        binder.setAllowedFields("name", "programmeId", "pot", "basicPercent", "period");
    }

    @GetMapping("/funding/allocations/new")
    String form(CurrentUser user, @RequestParam(name = "hub", required = false) String hubParam, Model model) {
        HubLocalities.Place hub = hub(user, hubParam);
        if (hub == null) {
            return "redirect:/funding/allocations";
        }
        model.addAttribute("form", new AllocationForm(null, null, null, DEFAULT_BASIC_PERCENT, null));
        model.addAttribute("errors", FormErrors.none());
        return page(hub, hubParam, populations.forHub(hub.id()), model);
    }

    @PostMapping("/funding/allocations/new")
    String create(CurrentUser user, @RequestParam(name = "hub", required = false) String hubParam,
            @ModelAttribute("form") AllocationForm form, Model model, RedirectAttributes redirect) {
        HubLocalities.Place hub = hub(user, hubParam);
        if (hub == null) {
            throw new OutOfScopeException();
        }
        List<String[]> problems = new ArrayList<>();
        String name = text(form.name(), "name", "Enter a name for the allocation", "Name", MAX_NAME, problems);
        Programme programme = programme(form.programmeId(), problems);
        Long potPence = pot(form.pot(), problems);
        Integer basicPercent = basicPercent(form.basicPercent(), problems);
        String period = text(form.period(), "period", "Enter the period the allocation covers", "Period",
                MAX_PERIOD, problems);
        List<PopulationFigures.LocalityFigure> localities = populations.forHub(hub.id());
        checkLocalities(hub, localities, problems);
        if (!problems.isEmpty()) {
            model.addAttribute("errors", FormErrors.ofProblems(problems));
            return page(hub, hubParam, localities, model);
        }
        long id = allocations.create(user, new NewAllocation(name, programme.id(), hub.id(), potPence, basicPercent,
                period));
        redirect.addFlashAttribute("notice", "Allocation saved: " + Money.formatWholePounds(potPence) + " shared among "
                + localities.size() + (localities.size() == 1 ? " locality" : " localities"));
        return "redirect:/funding/allocations/" + id;
    }

    /** The hub asked for, or the person's only one; null when they look after several and chose none. */
    private HubLocalities.Place hub(CurrentUser user, String hubParam) {
        if (!Answers.blank(hubParam)) {
            return hubs.requireHub(user, id(hubParam));
        }
        List<HubLocalities.Place> mine = hubs.hubsFor(user);
        if (mine.isEmpty()) {
            throw new OutOfScopeException();
        }
        return mine.size() == 1 ? mine.get(0) : null;
    }

    /**
     * The pot in pence, whole pounds only. "432,927.00" is whole pounds written with pence, so it is taken;
     * null with a problem on the field otherwise.
     */
    static Long pot(String answer, List<String[]> problems) {
        if (Answers.blank(answer)) {
            return problem(problems, "pot", "Enter the pot, in whole pounds");
        }
        Long pence = Money.parseWholePounds(answer);
        if (pence == null) {
            Long withPence = Money.parsePence(answer);
            if (withPence != null && withPence % 100 == 0) {
                pence = withPence;
            } else if (withPence != null) {
                return problem(problems, "pot", "Enter the pot in whole pounds, without pence");
            } else if (TOO_MANY_POUNDS.matcher(answer.strip().replaceFirst("^£", "").replace(",", "")).matches()) {
                return problem(problems, "pot", "The pot must be £99,999,999,999 or less");
            } else {
                return problem(problems, "pot", "The pot must be an amount in pounds, like 432,927");
            }
        }
        if (pence == 0) {
            return problem(problems, "pot", "The pot must be more than £0");
        }
        return pence;
    }

    /** A whole percentage from 0 to 100, with or without the % sign. */
    static Integer basicPercent(String answer, List<String[]> problems) {
        String text = answer == null ? "" : answer.strip();
        if (text.endsWith("%")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        if (text.isEmpty()) {
            return problem(problems, "basicPercent", "Enter the basic share, as a percentage");
        }
        if (!NUMBER.matcher(text).matches()) {
            return problem(problems, "basicPercent", "The basic share must be a number, like 60");
        }
        if (!WHOLE.matcher(text).matches() || text.length() > 3 || Integer.parseInt(text) > 100) {
            return problem(problems, "basicPercent", "The basic share must be a whole number from 0 to 100");
        }
        return Integer.valueOf(text);
    }

    private Programme programme(String answer, List<String[]> problems) {
        String text = answer == null ? "" : answer.strip();
        Programme programme = text.matches("\\d{1,18}") ? programmes.find(Long.parseLong(text)).orElse(null) : null;
        if (programme == null) {
            problem(problems, "programmeId", "Select the programme");
        }
        return programme;
    }

    private static String text(String answer, String field, String enter, String label, int max,
            List<String[]> problems) {
        String text = answer == null ? "" : answer.strip();
        if (text.isEmpty()) {
            return problem(problems, field, enter);
        }
        if (text.length() > max) {
            return problem(problems, field, label + " must be " + max + " characters or fewer");
        }
        return text;
    }

    private static void checkLocalities(HubLocalities.Place hub, List<PopulationFigures.LocalityFigure> localities,
            List<String[]> problems) {
        if (localities.isEmpty()) {
            problem(problems, "localities", hub.name() + " has no localities to share the pot among");
            return;
        }
        List<String> unset = localities.stream().filter(l -> l.figure() == null).map(l -> l.locality().name())
                .toList();
        if (!unset.isEmpty()) {
            problem(problems, "localities", "Set the population" + (unset.size() == 1 ? " of " : "s of ")
                    + andList(unset) + " before sharing the pot");
        }
    }

    static String andList(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    private static <T> T problem(List<String[]> problems, String field, String message) {
        problems.add(new String[] {field, message, field});
        return null;
    }

    private String page(HubLocalities.Place hub, String hubParam, List<PopulationFigures.LocalityFigure> localities,
            Model model) {
        UriComponentsBuilder action = UriComponentsBuilder.fromPath("/funding/allocations/new");
        if (!Answers.blank(hubParam)) {
            action.queryParam("hub", hub.id());
        }
        model.addAttribute("hub", hub);
        model.addAttribute("localities", localities);
        model.addAttribute("programmeItems", Choices.select("Select a programme", programmes.all(), Programme::id,
                Programme::name, null));
        model.addAttribute("action", action.toUriString());
        model.addAttribute("backLink", "/funding/allocations");
        return "funding/allocation-new";
    }

    private static long id(String answer) {
        try {
            return Long.parseLong(answer.strip());
        } catch (NumberFormatException e) {
            throw new OutOfScopeException();
        }
    }
}
