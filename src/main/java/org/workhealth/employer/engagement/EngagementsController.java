package org.workhealth.employer.engagement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workhealth.audit.AuditLog;
import org.workhealth.employer.Employer;
import org.workhealth.govuk.Choices;
import org.workhealth.govuk.DateAnswer;
import org.workhealth.govuk.TextAnswer;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;

/**
 * Engagements: the recent ones with employers the person sees, one engagement's page (who attended, where known:
 * personal data, so the page writes one view entry), and recording one with one employer or open to many.
 */
@Controller
class EngagementsController {

    static final String LIST = "/thrive-at-work/engagements";
    private static final Pattern WHOLE = Pattern.compile("[0-9]{1,9}");

    /** heldOn is never bound: it names the date for its error. */
    record EngagementForm(String title, String kind, LocalDate heldOn, String heldOnDay, String heldOnMonth,
            String heldOnYear, String attendees, List<String> employers, String names) {
    }

    record Row(String date, String kind, String title, String employers, String attendees, String href) {
    }

    private final Engagements engagements;
    private final AuditLog audit;
    private final Clock clock;

    EngagementsController(Engagements engagements, AuditLog audit, Clock clock) {
        this.engagements = engagements;
        this.audit = audit;
        this.clock = clock;
    }

    @InitBinder("form")
    void allowFields(WebDataBinder binder) {
        binder.setAllowedFields("title", "kind", "heldOnDay", "heldOnMonth", "heldOnYear", "attendees", "employers",
                "names");
    }

    @GetMapping(LIST)
    String list(CurrentUser user, Model model) {
        model.addAttribute("engagements", engagements.recent(user).stream().map(g -> new Row(
                DateAnswer.format(g.heldOn()), g.kind().label(), g.title(), g.employerNames(),
                String.format(Locale.UK, "%,d", g.attendees()), LIST + "/" + g.id())).toList());
        model.addAttribute("mayRecord", !engagements.recordableFor(user).isEmpty());
        return "employer/engagements";
    }

    @GetMapping(LIST + "/{engagementId}")
    String engagement(CurrentUser user, @PathVariable long engagementId, Model model) {
        Engagement engagement = engagements.readable(user, engagementId);
        List<String> names = engagements.attendeeNames(engagementId);
        // The page shows who attended where known: one view entry, whether or not any names were recorded.
        audit.recordView("employer_engagement", engagementId, engagement.hubOrganisationId());
        model.addAttribute("engagement", engagement);
        model.addAttribute("date", DateAnswer.format(engagement.heldOn()));
        model.addAttribute("kind", engagement.kind().label());
        model.addAttribute("employers", engagements.employerNames(engagementId));
        model.addAttribute("names", names);
        model.addAttribute("backLink", LIST);
        return "employer/engagement";
    }

    @GetMapping(LIST + "/new")
    String newEngagement(CurrentUser user, Model model) {
        List<Employer> employers = recordable(user);
        model.addAttribute("form", new EngagementForm(null, null, null, null, null, null, null, List.of(), null));
        return page(employers, List.of(), null, model);
    }

    @PostMapping(LIST + "/new")
    String record(CurrentUser user, @ModelAttribute("form") EngagementForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        List<Employer> employers = recordable(user);
        String title = TextAnswer.required(result, "title", form.title(),
                "Enter what the engagement was, like Menopause awareness webinar", "Title", NewEngagement.TITLE_MAX);
        EngagementKind kind = Choices.chosen(EngagementKind.class, form.kind());
        if (kind == null) {
            result.rejectValue("kind", "required", "Select what kind of engagement it was");
        }
        DateAnswer heldOn = DateAnswer.parse("Date of the engagement", form.heldOnDay(), form.heldOnMonth(),
                form.heldOnYear());
        if (!heldOn.valid()) {
            result.rejectValue("heldOn", "invalid", heldOn.error());
        } else if (heldOn.date().isAfter(LocalDate.now(clock))) {
            result.rejectValue("heldOn", "future", "Date of the engagement must be today or in the past");
        } else if (heldOn.date().isBefore(LocalDate.of(2000, 1, 1))) {
            result.rejectValue("heldOn", "tooEarly", "Date of the engagement must be after 1 January 2000");
        }
        List<Long> chosen = chosenEmployers(form.employers(), employers);
        if (chosen == null) {
            result.rejectValue("employers", "invalid", "Select the employers from the list");
        } else if (chosen.isEmpty()) {
            result.rejectValue("employers", "required", "Select the employer, or each employer, it was held with");
        } else if (kind == EngagementKind.ONE_TO_ONE && chosen.size() > 1) {
            result.rejectValue("employers", "oneToOne", "A one-to-one session is held with one employer: select one");
        }
        List<String> names = names(form.names());
        if (names.stream().anyMatch(n -> n.length() > NewEngagement.NAME_MAX)) {
            result.rejectValue("names", "tooLong", "Each name must be " + NewEngagement.NAME_MAX
                    + " characters or fewer");
        } else if (names.size() > NewEngagement.MAX_NAMES) {
            result.rejectValue("names", "tooMany", "Give at most " + NewEngagement.MAX_NAMES + " names");
        }
        String attendees = form.attendees() == null ? "" : form.attendees().strip().replace(",", "");
        if (attendees.isEmpty()) {
            result.rejectValue("attendees", "required", "Enter how many people attended");
        } else if (!WHOLE.matcher(attendees).matches()) {
            result.rejectValue("attendees", "format", "Number of attendees must be a whole number, like 25");
        } else if (Integer.parseInt(attendees) > NewEngagement.MAX_ATTENDEES) {
            result.rejectValue("attendees", "tooLarge", String.format(Locale.UK,
                    "Number of attendees must be %,d or fewer", NewEngagement.MAX_ATTENDEES));
        } else if (Integer.parseInt(attendees) < names.size()) {
            result.rejectValue("attendees", "fewerThanNames",
                    "Number of attendees must be at least the number of names given (" + names.size() + ")");
        }
        if (result.hasErrors()) {
            return page(employers, form.employers() == null ? List.of() : form.employers(), form.kind(), model);
        }
        long id = engagements.record(user, new NewEngagement(title, kind, heldOn.date(), Integer.parseInt(attendees),
                chosen.size() > 1, chosen, names));
        redirect.addFlashAttribute("notice", title + " recorded: " + attendees + " attended");
        return "redirect:" + LIST + "/" + id;
    }

    private List<Employer> recordable(CurrentUser user) {
        List<Employer> employers = engagements.recordableFor(user);
        if (employers.isEmpty()) {
            throw new OutOfScopeException();
        }
        return employers;
    }

    /** The employers chosen, all of them among those offered; null when one is not (a tampered form). */
    private static List<Long> chosenEmployers(List<String> answers, List<Employer> offered) {
        List<Long> chosen = new ArrayList<>();
        if (answers == null) {
            return chosen;
        }
        for (String answer : answers) {
            Employer match = offered.stream().filter(e -> String.valueOf(e.id()).equals(answer.strip())).findFirst()
                    .orElse(null);
            if (match == null) {
                return null;
            }
            if (!chosen.contains(match.id())) {
                chosen.add(match.id());
            }
        }
        return chosen;
    }

    private static List<String> names(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private String page(List<Employer> employers, List<String> chosen, String kind, Model model) {
        model.addAttribute("kindItems", Choices.options(List.of(EngagementKind.values()), Enum::name,
                EngagementKind::label, null, kind == null ? List.of() : List.of(kind)));
        model.addAttribute("employerItems", Choices.options(employers, Employer::id, Employer::name, null, chosen));
        model.addAttribute("action", LIST + "/new");
        model.addAttribute("backLink", LIST);
        return "employer/engagement-new";
    }
}
