package org.workhealth.casework;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

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
import org.springframework.web.util.HtmlUtils;
import org.workhealth.govuk.Answers;
import org.workhealth.govuk.Choices;
import org.workhealth.govuk.DateAnswer;
import org.workhealth.milestone.PeriodLockedException;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;

/** A case's appointments: the list with notes, planning one, and recording what came of it. */
@Controller
class AppointmentsController {

    /**
     * startsOn and startsTime are never bound: they name the date and time inputs for error
     * messages, in the order the page asks.
     */
    record AppointmentForm(LocalDate startsOn, String startsOnDay, String startsOnMonth, String startsOnYear,
            String startsTime, String hour, String minute, String channel, String place, String group) {
    }

    record OutcomeForm(String outcome) {
    }

    record AppointmentRow(String when, String how, String outcomeHtml) {
    }

    record NoteView(String when, String by, List<String> lines) {
    }

    static final int MAX_PLACE = 200;

    private final CaseAccess caseAccess;
    private final CaseSubjects subjects;
    private final Appointments appointments;

    AppointmentsController(CaseAccess caseAccess, CaseSubjects subjects, Appointments appointments) {
        this.caseAccess = caseAccess;
        this.subjects = subjects;
        this.appointments = appointments;
    }

    @InitBinder("form")
    void allowFields(WebDataBinder binder) {
        binder.setAllowedFields("startsOnDay", "startsOnMonth", "startsOnYear", "hour", "minute", "channel", "place",
                "group", "outcome");
    }

    @GetMapping("/cases/{id}/appointments")
    String list(CurrentUser user, @PathVariable long id, Model model) {
        SupportCase supportCase = caseAccess.view(user, id, "case-appointments");
        header(supportCase, model);
        model.addAttribute("appointmentRows", appointments.forCase(id).stream().map(a -> row(id, a)).toList());
        model.addAttribute("notes", appointments.notes(id).stream().map(n -> new NoteView(
                CasePages.recorded(n.writtenAt()), n.writtenByName(), n.note().lines().toList())).toList());
        return "casework/appointments";
    }

    @GetMapping("/cases/{id}/appointments/new")
    String newAppointment(CurrentUser user, @PathVariable long id, Model model) {
        SupportCase supportCase = caseAccess.view(user, id, "case-appointments");
        model.addAttribute("form", new AppointmentForm(null, null, null, null, null, null, null, null, null, null));
        return form(supportCase, model);
    }

    @PostMapping("/cases/{id}/appointments/new")
    String plan(CurrentUser user, @PathVariable long id, @ModelAttribute("form") AppointmentForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        SupportCase supportCase = caseAccess.change(user, id);
        DateAnswer date = DateAnswer.parse("Date of the appointment", form.startsOnDay(), form.startsOnMonth(),
                form.startsOnYear());
        if (!date.valid()) {
            result.rejectValue("startsOn", "invalid", date.error());
        } else if (date.date().isBefore(supportCase.openedOn())) {
            result.rejectValue("startsOn", "beforeCase", "Date of the appointment must be on or after "
                    + DateAnswer.format(supportCase.openedOn()) + ", when the case was opened");
        } else if (date.date().isAfter(appointments.today().plusYears(1))) {
            result.rejectValue("startsOn", "tooLate", "Date of the appointment must be within the next year");
        }
        String timeError = timeError(form.hour(), form.minute());
        if (timeError != null) {
            result.rejectValue("startsTime", "invalid", timeError);
        }
        AppointmentChannel channel = Answers.code(AppointmentChannel.class, form.channel());
        if (channel == null) {
            result.rejectValue("channel", "required", "Select how the appointment will take place");
        }
        String place = form.place() == null ? "" : form.place().strip();
        if (channel == AppointmentChannel.FACE_TO_FACE && place.isEmpty()) {
            result.rejectValue("place", "required", "Enter where the appointment will take place");
        } else if (place.length() > MAX_PLACE) {
            result.rejectValue("place", "tooLong", "Place must be " + MAX_PLACE + " characters or fewer");
        }
        if (result.hasErrors()) {
            return form(supportCase, model);
        }
        LocalDateTime startsAt = date.date().atTime(Integer.parseInt(form.hour().strip()),
                Integer.parseInt(form.minute().strip()));
        appointments.plan(user, supportCase, startsAt, channel, place.isEmpty() ? null : place,
                !"yes".equals(form.group()));
        redirect.addFlashAttribute("notice", "Appointment planned for " + CasePages.appointmentTime(startsAt));
        return "redirect:/cases/" + id + "/appointments";
    }

    @GetMapping("/cases/{id}/appointments/{appointmentId}/outcome")
    String outcomePage(CurrentUser user, @PathVariable long id, @PathVariable long appointmentId, Model model,
            RedirectAttributes redirect) {
        SupportCase supportCase = caseAccess.view(user, id, "case-appointments");
        Appointments.Appointment appointment = appointments.find(id, appointmentId)
                .orElseThrow(OutOfScopeException::new);
        if (!appointment.planned()) {
            redirect.addFlashAttribute("notice", "The outcome of this appointment is already recorded");
            return "redirect:/cases/" + id + "/appointments";
        }
        model.addAttribute("form", new OutcomeForm(null));
        return outcomeForm(supportCase, appointment, model);
    }

    @PostMapping("/cases/{id}/appointments/{appointmentId}/outcome")
    String recordOutcome(CurrentUser user, @PathVariable long id, @PathVariable long appointmentId,
            @ModelAttribute("form") OutcomeForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        SupportCase supportCase = caseAccess.change(user, id);
        Appointments.Appointment appointment = appointments.find(id, appointmentId)
                .orElseThrow(OutOfScopeException::new);
        AppointmentOutcome outcome = Answers.code(AppointmentOutcome.class, form.outcome());
        if (outcome == null) {
            result.rejectValue("outcome", "required", "Select what happened");
        } else if ((outcome == AppointmentOutcome.ATTENDED || outcome == AppointmentOutcome.DID_NOT_ATTEND)
                && appointment.startsAt().isAfter(appointments.now())) {
            // Whether someone came is known only once the appointment has started; a cancellation can come first.
            result.rejectValue("outcome", "notYet", "You can record whether they attended only once the "
                    + "appointment has started");
        }
        if (result.hasErrors() && appointment.planned()) {
            return outcomeForm(supportCase, appointment, model);
        }
        Appointments.OutcomeResult recorded;
        try {
            recorded = result.hasErrors() ? Appointments.OutcomeResult.NOT_PLANNED
                    : appointments.recordOutcome(user, supportCase, appointmentId, outcome);
        } catch (PeriodLockedException e) {
            // A first attended one-to-one writes engagement, dated the appointment's day, which is in a locked period.
            result.rejectValue("outcome", "locked", e.getMessage());
            return outcomeForm(supportCase, appointment, model);
        }
        String notice = switch (recorded) {
            case RECORDED -> "Outcome recorded: " + outcome.label().toLowerCase();
            case ENGAGEMENT_RECORDED -> "Outcome recorded: attended. This was their first one-to-one appointment, "
                    + "so engagement is recorded";
            case NOT_PLANNED -> "The outcome of this appointment is already recorded";
        };
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/cases/" + id + "/appointments";
    }

    private String form(SupportCase supportCase, Model model) {
        AppointmentForm form = (AppointmentForm) model.getAttribute("form");
        header(supportCase, model);
        model.addAttribute("channelItems", Choices.options(Arrays.asList(AppointmentChannel.values()), Enum::name,
                AppointmentChannel::label, null, form.channel() == null ? List.of() : List.of(form.channel())));
        model.addAttribute("groupItems", Choices.options(List.of("yes"), v -> v, v -> "This is a group session",
                v -> "Leave this unticked for a one-to-one appointment",
                form.group() == null ? List.of() : List.of(form.group())));
        model.addAttribute("backLink", "/cases/" + supportCase.id() + "/appointments");
        return "casework/appointments-new";
    }

    private String outcomeForm(SupportCase supportCase, Appointments.Appointment appointment, Model model) {
        OutcomeForm form = (OutcomeForm) model.getAttribute("form");
        header(supportCase, model);
        model.addAttribute("appointment", appointment);
        model.addAttribute("appointmentWhen", CasePages.appointmentTime(appointment.startsAt()));
        model.addAttribute("appointmentHow", CasePages.how(appointment));
        model.addAttribute("outcomeItems", Choices.options(Arrays.asList(AppointmentOutcome.values()), Enum::name,
                AppointmentOutcome::label, null, form.outcome() == null ? List.of() : List.of(form.outcome())));
        model.addAttribute("backLink", "/cases/" + supportCase.id() + "/appointments");
        return "casework/appointments-outcome";
    }

    private void header(SupportCase supportCase, Model model) {
        model.addAttribute("supportCase", supportCase);
        model.addAttribute("subjectName", subjects.fullName(supportCase));
        if (!model.containsAttribute("backLink")) {
            model.addAttribute("backLink", "/cases/" + supportCase.id());
        }
    }

    private static AppointmentRow row(long caseId, Appointments.Appointment a) {
        String when = CasePages.appointmentTime(a.startsAt());
        String outcome = a.planned()
                ? "<a class=\"govuk-link\" href=\"/cases/" + caseId + "/appointments/" + a.id() + "/outcome\">"
                        + "Record outcome<span class=\"govuk-visually-hidden\"> of the appointment on "
                        + HtmlUtils.htmlEscape(when) + "</span></a>"
                : HtmlUtils.htmlEscape(a.outcome().label());
        return new AppointmentRow(when, CasePages.how(a), outcome);
    }

    /** The GOV.UK error for the hour and minute boxes, or null when they make a real 24-hour time. */
    static String timeError(String hour, String minute) {
        String h = hour == null ? "" : hour.strip();
        String m = minute == null ? "" : minute.strip();
        if (h.isEmpty() && m.isEmpty()) {
            return "Enter the time of the appointment";
        }
        if (h.isEmpty()) {
            return "Time of the appointment must include an hour";
        }
        if (m.isEmpty()) {
            return "Time of the appointment must include a minute";
        }
        if (!h.matches("\\d{1,2}") || !m.matches("\\d{1,2}") || Integer.parseInt(h) > 23
                || Integer.parseInt(m) > 59) {
            return "Time of the appointment must be a real time, using the 24-hour clock";
        }
        return null;
    }
}
