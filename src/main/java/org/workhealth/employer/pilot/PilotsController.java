package org.workhealth.employer.pilot;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.workhealth.calendar.Quarter;
import org.workhealth.govuk.Choices;
import org.workhealth.govuk.DateAnswer;
import org.workhealth.govuk.TextAnswer;
import org.workhealth.organisation.CurrentUser;

/**
 * The hub's pilots: the list, a pilot's page with its sessions and reported measures, and recording a session or a
 * quarter's measure (the hub's commissioners, or the provider's managers). Figures only, no names of people.
 */
@Controller
class PilotsController {

    static final String LIST = "/thrive-at-work/pilots";
    private static final Pattern WHOLE = Pattern.compile("[0-9]{1,9}");
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,12}(\\.[0-9]{1,2})?");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

    /** heldOn is never bound: it names the date for its error, which links to the day box. */
    record SessionForm(LocalDate heldOn, String heldOnDay, String heldOnMonth, String heldOnYear, String kind,
            String attendees) {
    }

    record MeasureForm(String measure, String quarter, String value, String unit) {
    }

    record Row(String name, String provider, String runs, String budget, String href) {
    }

    private final Pilots pilots;
    private final Clock clock;

    PilotsController(Pilots pilots, Clock clock) {
        this.pilots = pilots;
        this.clock = clock;
    }

    @InitBinder("sessionForm")
    void sessionFields(WebDataBinder binder) {
        binder.setAllowedFields("heldOnDay", "heldOnMonth", "heldOnYear", "kind", "attendees");
    }

    @InitBinder("measureForm")
    void measureFields(WebDataBinder binder) {
        binder.setAllowedFields("measure", "quarter", "value", "unit");
    }

    @GetMapping(LIST)
    String list(CurrentUser user, Model model) {
        model.addAttribute("pilots", pilots.visibleTo(user).stream().map(p -> new Row(p.name(), p.providerName(),
                runs(p), budget(p.budgetPence()), LIST + "/" + p.id())).toList());
        model.addAttribute("maySetUp", pilots.maySetUp(user, user.organisationId()));
        return "employer/pilots";
    }

    @GetMapping(LIST + "/{pilotId}")
    String pilot(CurrentUser user, @PathVariable long pilotId, Model model) {
        Pilot pilot = pilots.readable(user, pilotId);
        List<PilotSession> sessions = pilots.sessions(pilotId);
        model.addAttribute("pilot", pilot);
        model.addAttribute("runs", runs(pilot));
        model.addAttribute("budget", budget(pilot.budgetPence()));
        model.addAttribute("sessions", sessions.stream().map(s -> List.of(DateAnswer.format(s.heldOn()),
                s.kind().label(), String.format(Locale.UK, "%,d", s.attendees()))).toList());
        model.addAttribute("sessionCount", sessions.size());
        model.addAttribute("attendees", String.format(Locale.UK, "%,d",
                sessions.stream().mapToLong(PilotSession::attendees).sum()));
        model.addAttribute("measures", pilots.measures(pilotId).stream()
                .map(m -> List.of(m.quarter().label(), m.measure(), m.valueText())).toList());
        model.addAttribute("mayReport", pilots.mayReport(user, pilot));
        model.addAttribute("mayChange", pilots.maySetUp(user, pilot.hubOrganisationId()));
        model.addAttribute("backLink", LIST);
        return "employer/pilot";
    }

    @GetMapping(LIST + "/{pilotId}/sessions/new")
    String newSession(CurrentUser user, @PathVariable long pilotId, Model model) {
        Pilot pilot = pilots.reportable(user, pilotId);
        model.addAttribute("sessionForm", new SessionForm(null, null, null, null, null, null));
        return sessionPage(pilot, null, model);
    }

    @PostMapping(LIST + "/{pilotId}/sessions/new")
    String recordSession(CurrentUser user, @PathVariable long pilotId, @ModelAttribute("sessionForm") SessionForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        Pilot pilot = pilots.reportable(user, pilotId);
        DateAnswer heldOn = DateAnswer.parse("Date of the session", form.heldOnDay(), form.heldOnMonth(),
                form.heldOnYear());
        LocalDate today = LocalDate.now(clock);
        if (!heldOn.valid()) {
            result.rejectValue("heldOn", "invalid", heldOn.error());
        } else if (!pilot.runsOn(heldOn.date())) {
            result.rejectValue("heldOn", "outside", "Date of the session must be between "
                    + DateAnswer.format(pilot.startsOn()) + " and " + DateAnswer.format(pilot.endsOn()));
        } else if (heldOn.date().isAfter(today)) {
            result.rejectValue("heldOn", "future", "Date of the session must be today or in the past");
        }
        SessionKind kind = Choices.chosen(SessionKind.class, form.kind());
        if (kind == null) {
            result.rejectValue("kind", "required", "Select what kind of session it was");
        }
        String attendees = form.attendees() == null ? "" : form.attendees().strip().replace(",", "");
        if (attendees.isEmpty()) {
            result.rejectValue("attendees", "required", "Enter how many people attended");
        } else if (!WHOLE.matcher(attendees).matches()) {
            result.rejectValue("attendees", "format", "Number of attendees must be a whole number, like 12");
        } else if (Integer.parseInt(attendees) > PilotSession.MAX_ATTENDEES) {
            result.rejectValue("attendees", "tooLarge", String.format(Locale.UK,
                    "Number of attendees must be %,d or fewer", PilotSession.MAX_ATTENDEES));
        }
        if (result.hasErrors()) {
            return sessionPage(pilot, form.kind(), model);
        }
        pilots.recordSession(pilotId, heldOn.date(), kind, Integer.parseInt(attendees), user.id());
        redirect.addFlashAttribute("notice", kind.label() + " on " + DateAnswer.format(heldOn.date()) + " recorded");
        return "redirect:" + LIST + "/" + pilotId;
    }

    @GetMapping(LIST + "/{pilotId}/measures/new")
    String newMeasure(CurrentUser user, @PathVariable long pilotId, Model model) {
        Pilot pilot = pilots.reportable(user, pilotId);
        model.addAttribute("measureForm", new MeasureForm(null, null, null, null));
        return measurePage(pilot, null, model);
    }

    @PostMapping(LIST + "/{pilotId}/measures/new")
    String reportMeasure(CurrentUser user, @PathVariable long pilotId, @ModelAttribute("measureForm") MeasureForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        Pilot pilot = pilots.reportable(user, pilotId);
        String measure = TextAnswer.required(result, "measure", form.measure(),
                "Enter the name of the measure", "Name of the measure", PilotMeasure.NAME_MAX);
        Quarter quarter = quarter(form.quarter());
        if (quarter == null || !quarters(pilot).contains(quarter)) {
            result.rejectValue("quarter", "required", "Select the quarter the value is for");
        }
        String value = form.value() == null ? "" : form.value().strip().replace(",", "");
        if (value.isEmpty()) {
            result.rejectValue("value", "required", "Enter the value");
        } else if (!DECIMAL.matcher(value).matches()) {
            result.rejectValue("value", "format", "Value must be a number, like 68 or 4.5");
        }
        String unit = TextAnswer.optional(result, "unit", form.unit(), "Unit", PilotMeasure.UNIT_MAX);
        if (result.hasErrors()) {
            return measurePage(pilot, form.quarter(), model);
        }
        pilots.reportMeasure(pilotId, measure, quarter, new BigDecimal(value), unit, user.id());
        redirect.addFlashAttribute("notice", measure + " for " + quarter.label() + " saved");
        return "redirect:" + LIST + "/" + pilotId;
    }

    private String sessionPage(Pilot pilot, String kind, Model model) {
        model.addAttribute("pilot", pilot);
        model.addAttribute("kindItems", Choices.options(List.of(SessionKind.values()), Enum::name, SessionKind::label,
                null, kind == null ? List.of() : List.of(kind)));
        model.addAttribute("action", LIST + "/" + pilot.id() + "/sessions/new");
        model.addAttribute("backLink", LIST + "/" + pilot.id());
        return "employer/pilot-session";
    }

    private String measurePage(Pilot pilot, String quarter, Model model) {
        model.addAttribute("pilot", pilot);
        model.addAttribute("quarterItems", Choices.select("Select a quarter", quarters(pilot),
                q -> q.financialYear().startYear() + "-Q" + q.number(), Quarter::label, quarter));
        model.addAttribute("action", LIST + "/" + pilot.id() + "/measures/new");
        model.addAttribute("backLink", LIST + "/" + pilot.id());
        return "employer/pilot-measure";
    }

    /** The quarters a measure may be reported for: those the pilot runs in that have started. */
    private List<Quarter> quarters(Pilot pilot) {
        List<Quarter> quarters = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        for (Quarter q = Quarter.containing(pilot.startsOn()); !q.start().isAfter(pilot.endsOn())
                && !q.start().isAfter(today); q = q.next()) {
            quarters.add(q);
        }
        return quarters;
    }

    private static Quarter quarter(String text) {
        if (text == null) {
            return null;
        }
        var matcher = QUARTER.matcher(text.strip());
        return matcher.matches() ? Quarter.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)))
                : null;
    }

    private static String runs(Pilot pilot) {
        return DateAnswer.format(pilot.startsOn()) + " to " + DateAnswer.format(pilot.endsOn());
    }

    static String budget(long pence) {
        return String.format(Locale.UK, "£%,d.%02d", pence / 100, pence % 100);
    }
}
