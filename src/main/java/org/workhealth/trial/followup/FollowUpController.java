package org.workhealth.trial.followup;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.workhealth.govuk.Choices;
import org.workhealth.govuk.Paging;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.trial.internal.DropOuts;
import org.workhealth.trial.Trial;

/** The follow-up due list and recording (or correcting) the outcome at one point. */
@Controller
class FollowUpController {

    private final FollowUps followUps;
    private final DropOuts dropOuts;
    private final Clock clock;

    FollowUpController(FollowUps followUps, DropOuts dropOuts, Clock clock) {
        this.followUps = followUps;
        this.dropOuts = dropOuts;
        this.clock = clock;
    }

    @InitBinder("form")
    void allowFields(WebDataBinder binder) {
        binder.setAllowedFields(OutcomeForm.FIELDS);
    }

    @GetMapping("/trials/{trialId}/follow-ups")
    String list(CurrentUser user, @PathVariable long trialId, @RequestParam(required = false) String status,
            @RequestParam(required = false) String week, @RequestParam(defaultValue = "1") String page, Model model) {
        Trial trial = followUps.trial(user, trialId);
        Show show = Choices.chosen(Show.class, status);
        show = show == null ? Show.OUTSTANDING : show;
        Integer chosenWeek = trial.followUpWeeks().stream().filter(w -> String.valueOf(w).equals(week)).findFirst()
                .orElse(null);
        FollowUps.DueList list = followUps.dueList(user, trialId, show, chosenWeek, number(page));
        model.addAttribute("trial", trial);
        model.addAttribute("list", list);
        model.addAttribute("statusItems", Choices.select(null, List.of(Show.values()), Show::name, Show::label, show));
        List<Map<String, Object>> weekItems = new ArrayList<>();
        weekItems.add(Map.of("value", "", "text", "Any week", "selected", chosenWeek == null));
        for (int w : trial.followUpWeeks()) {
            weekItems.add(Map.of("value", String.valueOf(w), "text", "Week " + w, "selected",
                    Integer.valueOf(w).equals(chosenWeek)));
        }
        model.addAttribute("weekItems", weekItems);
        model.addAttribute("pagination", pagination(trialId, list, show, chosenWeek));
        model.addAttribute("backLink", "/trials/" + trialId);
        return "trial/follow-ups";
    }

    @GetMapping("/trials/{trialId}/follow-ups/{allocationId}/{week}")
    String point(CurrentUser user, @PathVariable long trialId, @PathVariable long allocationId,
            @PathVariable String week, Model model) {
        Trial trial = followUps.trial(user, trialId);
        FollowUps.Row row = followUps.point(user, trial, allocationId, weekOf(week));
        model.addAttribute("form", OutcomeForm.of(row.point()));
        return page(trial, row, model);
    }

    @PostMapping("/trials/{trialId}/follow-ups/{allocationId}/{week}")
    String record(CurrentUser user, @PathVariable long trialId, @PathVariable long allocationId,
            @PathVariable String week, @ModelAttribute("form") OutcomeForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        Trial trial = followUps.trial(user, trialId);
        int w = weekOf(week);
        FollowUps.Row row = followUps.point(user, trial, allocationId, w);
        Outcome outcome = OutcomeAnswers.outcome(form, row.point().recorded(), LocalDate.now(clock), result);
        if (outcome == null) {
            return page(trial, row, model);
        }
        try {
            followUps.record(user, trial, allocationId, w, outcome, OutcomeAnswers.clean(form.correctionReason()));
        } catch (FollowUps.RefusedException e) {
            result.rejectValue(e.field(), "refused", e.getMessage());
            return page(trial, row, model);
        }
        redirect.addFlashAttribute("notice", (row.point().recorded() ? "Outcome corrected for " : "Outcome recorded for ")
                + row.reference() + " at week " + w);
        return "redirect:/trials/" + trialId + "/follow-ups";
    }

    private String page(Trial trial, FollowUps.Row row, Model model) {
        model.addAttribute("trial", trial);
        model.addAttribute("row", row);
        model.addAttribute("arm", trial.arm(row.point().armCode()));
        model.addAttribute("dropOut", dropOuts.of(row.point().allocationId()).orElse(null));
        model.addAttribute("scale", Outcome.SCALE);
        model.addAttribute("backLink", "/trials/" + trial.id() + "/follow-ups");
        return "trial/follow-up";
    }

    private static int weekOf(String week) {
        if (week == null || !week.matches("\\d{1,3}")) {
            throw new OutOfScopeException();
        }
        return Integer.parseInt(week);
    }

    private static int number(String page) {
        try {
            return Math.max(1, Integer.parseInt(page.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static Map<String, Object> pagination(long trialId, FollowUps.DueList list, Show show, Integer week) {
        return Paging.pagination(list.page(), list.pages(), n -> href(trialId, n, show, week),
                "Pages of follow-up points");
    }

    private static String href(long trialId, int page, Show show, Integer week) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/trials/" + trialId + "/follow-ups")
                .queryParam("status", show.name());
        if (week != null) {
            uri.queryParam("week", week);
        }
        return uri.queryParam("page", page).encode().build().toUriString();
    }
}
