package org.workhealth.employer.pilot;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.springframework.web.util.UriComponentsBuilder;
import org.workhealth.employer.figures.EmployerMilestones;
import org.workhealth.govuk.Choices;
import org.workhealth.govuk.DateAnswer;
import org.workhealth.govuk.TextAnswer;
import org.workhealth.organisation.AccessPolicy;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OrganisationSummary;
import org.workhealth.organisation.Organisations;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.programme.Programme;

/**
 * The hub's commissioner sets up a pilot (the provider from the organisations in their scope, name, aim, dates and
 * budget in pounds), checks the answers and saves it; and later changes it. Anyone else, and any other hub's
 * commissioner, is told the page does not exist.
 */
@Controller
class PilotSetUpController {

    static final String NEW = PilotsController.LIST + "/new";
    private static final Pattern POUNDS = Pattern.compile("([0-9]{1,9})(\\.([0-9]{2}))?");

    /** startsOn and endsOn are never bound: they name the dates for their errors, which link to the day boxes. */
    record PilotForm(String provider, String name, String aim, LocalDate startsOn, String startsOnDay,
            String startsOnMonth, String startsOnYear, LocalDate endsOn, String endsOnDay, String endsOnMonth,
            String endsOnYear, String budget) {
    }

    private static final String[] FIELDS = {"provider", "name", "aim", "startsOnDay", "startsOnMonth", "startsOnYear",
            "endsOnDay", "endsOnMonth", "endsOnYear", "budget"};

    private final Pilots pilots;
    private final EmployerMilestones milestones;
    private final Organisations organisations;
    private final AccessPolicy access;

    PilotSetUpController(Pilots pilots, EmployerMilestones milestones, Organisations organisations,
            AccessPolicy access) {
        this.pilots = pilots;
        this.milestones = milestones;
        this.organisations = organisations;
        this.access = access;
    }

    @InitBinder("pilotForm")
    void fields(WebDataBinder binder) {
        binder.setAllowedFields(FIELDS);
    }

    /** The answers come back in the address when the commissioner follows a Change link on the check page. */
    @GetMapping(NEW)
    String start(CurrentUser user, @ModelAttribute("pilotForm") PilotForm form, Model model) {
        programme(user);
        return formPage(user, form, NEW, "Set up a pilot", null, model);
    }

    @PostMapping(NEW)
    String check(CurrentUser user, @ModelAttribute("pilotForm") PilotForm form, BindingResult result, Model model) {
        Programme programme = programme(user);
        PilotDetails details = validate(user, form, programme.id(), null, result);
        if (details == null) {
            return formPage(user, form, NEW, "Set up a pilot", null, model);
        }
        model.addAttribute("details", details);
        model.addAttribute("provider", providerName(details.providerOrganisationId()));
        model.addAttribute("runs", DateAnswer.format(details.startsOn()) + " to "
                + DateAnswer.format(details.endsOn()));
        model.addAttribute("budget", PilotsController.budget(details.budgetPence()));
        model.addAttribute("changeLink", changeLink(form));
        model.addAttribute("backLink", changeLink(form));
        return "employer/pilot-check";
    }

    @PostMapping(NEW + "/confirm")
    String create(CurrentUser user, @ModelAttribute("pilotForm") PilotForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        Programme programme = programme(user);
        PilotDetails details = validate(user, form, programme.id(), null, result);
        if (details == null) {
            return formPage(user, form, NEW, "Set up a pilot", null, model);
        }
        long id = pilots.create(user, new NewPilot(programme.id(), user.organisationId(),
                details.providerOrganisationId(), details.name(), details.aim(), details.startsOn(), details.endsOn(),
                details.budgetPence()));
        redirect.addFlashAttribute("notice", "Pilot " + details.name() + " set up");
        return "redirect:" + PilotsController.LIST + "/" + id;
    }

    @GetMapping(PilotsController.LIST + "/{pilotId}/change")
    String edit(CurrentUser user, @PathVariable long pilotId, Model model) {
        Pilot pilot = changeable(user, pilotId);
        PilotForm form = new PilotForm(String.valueOf(pilot.providerOrganisationId()), pilot.name(), pilot.aim(), null,
                String.valueOf(pilot.startsOn().getDayOfMonth()), String.valueOf(pilot.startsOn().getMonthValue()),
                String.valueOf(pilot.startsOn().getYear()), null, String.valueOf(pilot.endsOn().getDayOfMonth()),
                String.valueOf(pilot.endsOn().getMonthValue()), String.valueOf(pilot.endsOn().getYear()),
                pounds(pilot.budgetPence()));
        model.addAttribute("pilotForm", form);
        return formPage(user, form, PilotsController.LIST + "/" + pilotId + "/change", "Change the pilot", pilot,
                model);
    }

    @PostMapping(PilotsController.LIST + "/{pilotId}/change")
    String change(CurrentUser user, @PathVariable long pilotId, @ModelAttribute("pilotForm") PilotForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        Pilot pilot = changeable(user, pilotId);
        PilotDetails details = validate(user, form, pilot.programmeId(), pilotId, result);
        if (details == null) {
            return formPage(user, form, PilotsController.LIST + "/" + pilotId + "/change", "Change the pilot", pilot,
                    model);
        }
        pilots.change(user, pilotId, details);
        redirect.addFlashAttribute("notice", "Pilot " + details.name() + " changed");
        return "redirect:" + PilotsController.LIST + "/" + pilotId;
    }

    /** The hub's employer programme, which the person must manage; otherwise the page does not exist. */
    private Programme programme(CurrentUser user) {
        if (!pilots.maySetUp(user, user.organisationId())) {
            throw new OutOfScopeException();
        }
        return milestones.programmeOf(user.organisationId()).orElseThrow(OutOfScopeException::new);
    }

    private Pilot changeable(CurrentUser user, long pilotId) {
        Pilot pilot = pilots.find(pilotId).orElseThrow(OutOfScopeException::new);
        if (!pilots.maySetUp(user, pilot.hubOrganisationId())) {
            throw new OutOfScopeException();
        }
        return pilot;
    }

    /** The checked answers, or null with every field's error on the result; nothing is saved on an error. */
    private PilotDetails validate(CurrentUser user, PilotForm form, long programmeId, Long pilotId,
            BindingResult result) {
        Long provider = providerId(user, form.provider());
        if (provider == null) {
            result.rejectValue("provider", "required", "Select the provider delivering the pilot");
        }
        String name = form.name() == null ? "" : form.name().strip();
        if (name.isEmpty()) {
            result.rejectValue("name", "required", "Enter the name of the pilot");
        } else if (name.length() > Pilot.NAME_MAX) {
            result.rejectValue("name", "tooLong", "Name of the pilot must be " + Pilot.NAME_MAX
                    + " characters or fewer");
        } else if (pilots.nameTaken(programmeId, name, pilotId)) {
            result.rejectValue("name", "taken", "There is already a pilot called " + name);
        }
        String aim = TextAnswer.required(result, "aim", form.aim(),
                "Enter what kind of pilot it is and what it aims to do", "What the pilot aims to do", Pilot.AIM_MAX);
        DateAnswer starts = DateAnswer.parse("Start date", form.startsOnDay(), form.startsOnMonth(),
                form.startsOnYear());
        if (!starts.valid()) {
            result.rejectValue("startsOn", "invalid", starts.error());
        }
        DateAnswer ends = DateAnswer.parse("End date", form.endsOnDay(), form.endsOnMonth(), form.endsOnYear());
        if (!ends.valid()) {
            result.rejectValue("endsOn", "invalid", ends.error());
        } else if (starts.valid() && ends.date().isBefore(starts.date())) {
            result.rejectValue("endsOn", "beforeStart", "End date must be the same as or after the start date");
        }
        Long budget = pence(form.budget());
        if (form.budget() == null || form.budget().isBlank()) {
            result.rejectValue("budget", "required", "Enter the budget in pounds");
        } else if (budget == null) {
            result.rejectValue("budget", "format", "Budget must be an amount in pounds, like 25000 or 25000.50");
        }
        if (result.hasErrors()) {
            return null;
        }
        return new PilotDetails(provider, name, aim, starts.date(), ends.date(), budget);
    }

    private String providerName(long organisationId) {
        return organisations.find(organisationId).map(o -> o.name()).orElse("");
    }

    /** The provider's id when it is an organisation in the person's scope: a coded answer, nothing else. */
    private Long providerId(CurrentUser user, String answer) {
        if (answer == null || !answer.strip().matches("[0-9]{1,18}")) {
            return null;
        }
        long id = Long.parseLong(answer.strip());
        return id != user.organisationId() && access.scope(user).contains(id) ? id : null;
    }

    /** "£25,000.50" is 2,500,050 pence; anything but pounds and whole pence is no answer. */
    static Long pence(String answer) {
        if (answer == null) {
            return null;
        }
        var matcher = POUNDS.matcher(answer.strip().replace("£", "").replace(",", ""));
        if (!matcher.matches()) {
            return null;
        }
        long pounds = Long.parseLong(matcher.group(1));
        long pence = matcher.group(3) == null ? 0 : Long.parseLong(matcher.group(3));
        return pounds * 100 + pence;
    }

    private static String pounds(long pence) {
        return pence % 100 == 0 ? String.valueOf(pence / 100) : String.format("%d.%02d", pence / 100, pence % 100);
    }

    private String formPage(CurrentUser user, PilotForm form, String action, String heading, Pilot pilot,
            Model model) {
        Set<Long> scope = access.scope(user);
        List<OrganisationSummary> providers = new ArrayList<>(organisations.within(scope));
        providers.removeIf(o -> o.id() == user.organisationId());
        model.addAttribute("providerItems", Choices.select("Select a provider", providers,
                o -> String.valueOf(o.id()), OrganisationSummary::name, form.provider()));
        model.addAttribute("action", action);
        model.addAttribute("heading", heading);
        model.addAttribute("pilot", pilot);
        model.addAttribute("backLink", pilot == null ? PilotsController.LIST
                : PilotsController.LIST + "/" + pilot.id());
        return "employer/pilot-form";
    }

    /** Back to the question page with the answers given, so that nothing has to be typed again. */
    private static String changeLink(PilotForm form) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath(NEW);
        Map<String, String> answers = new java.util.LinkedHashMap<>();
        answers.put("provider", form.provider());
        answers.put("name", form.name());
        answers.put("aim", form.aim());
        answers.put("startsOnDay", form.startsOnDay());
        answers.put("startsOnMonth", form.startsOnMonth());
        answers.put("startsOnYear", form.startsOnYear());
        answers.put("endsOnDay", form.endsOnDay());
        answers.put("endsOnMonth", form.endsOnMonth());
        answers.put("endsOnYear", form.endsOnYear());
        answers.put("budget", form.budget());
        answers.forEach((key, value) -> {
            if (value != null) {
                link.queryParam(key, value);
            }
        });
        return link.encode().build().toUriString();
    }
}
