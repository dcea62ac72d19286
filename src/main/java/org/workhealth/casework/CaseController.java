package org.workhealth.casework;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.util.HtmlUtils;
import org.workhealth.govuk.DateAnswer;
import org.workhealth.milestone.Milestone;
import org.workhealth.milestone.Milestones;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.programme.Contract;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;

/**
 * A case's page: who it is about and where it sits, what is due next, a link to every section of
 * the casework, and a timeline of everything that has happened on it.
 */
@Controller
class CaseController {

    record Section(String title, String href) {
    }

    /** One line of the timeline; {@code at} orders it and is not shown. */
    record TimelineRow(LocalDateTime at, String when, String what, String details, String by, String action) {

        TimelineRow(LocalDateTime at, String when, String what, String details, String by) {
            this(at, when, what, details, by, "");
        }
    }

    /** The sections of a case, in the order the work usually goes. */
    private static final List<Section> SECTIONS = List.of(
            new Section("Appointments and notes", "appointments"),
            new Section("Assessment", "assessment"),
            new Section("Vocational profile", "vocational-profile"),
            new Section("Action plan", "action-plan"),
            new Section("Reviews", "reviews"),
            new Section("Onward referrals", "onward-referrals"),
            new Section("Consent to share with services", "service-consents"),
            new Section("Employer", "employer"),
            new Section("Outcomes", "outcomes"),
            new Section("Measures", "measures"),
            new Section("Exit", "exit"));

    private final CaseAccess caseAccess;
    private final CaseSubjects subjects;
    private final Programmes programmes;
    private final Milestones milestones;
    private final Appointments appointments;
    private final StaffNames staff;
    private final LegalHolds legalHolds;
    private final CaseErasure erasure;
    private final ServiceConsents serviceConsents;
    private final CaseMessageChoices messageChoices;

    CaseController(CaseAccess caseAccess, CaseSubjects subjects, Programmes programmes, Milestones milestones,
            Appointments appointments, StaffNames staff, LegalHolds legalHolds, CaseErasure erasure,
            ServiceConsents serviceConsents, CaseMessageChoices messageChoices) {
        this.messageChoices = messageChoices;
        this.serviceConsents = serviceConsents;
        this.legalHolds = legalHolds;
        this.erasure = erasure;
        this.caseAccess = caseAccess;
        this.subjects = subjects;
        this.programmes = programmes;
        this.milestones = milestones;
        this.appointments = appointments;
        this.staff = staff;
    }

    @GetMapping("/cases/{id}")
    String show(CurrentUser user, @PathVariable long id, Model model) {
        SupportCase supportCase = caseAccess.view(user, id, "case");
        LocalDateTime now = appointments.now();

        CaseSubject subject = subjects.forReferral(supportCase.referralId()).orElse(new CaseSubject("", null));
        Programme programme = programmes.find(supportCase.programmeId()).orElse(null);
        String cohort = programme == null || supportCase.cohortId() == null ? "Not set"
                : programme.cohorts().stream().filter(c -> supportCase.cohortId().equals(c.id()))
                        .map(Programme.Cohort::name).findFirst().orElse("Not set");
        String contract = programmes.liveContract(supportCase.programmeId(), supportCase.organisationId(),
                now.toLocalDate()).map(Contract::reference).orElse(null);

        // One query per kind of event; the page never queries per row.
        // Every milestone, so that corrected and withdrawn ones stay on the timeline as such.
        List<Milestone> caseMilestones = milestones.history(id);
        List<Appointments.Appointment> caseAppointments = appointments.forCase(id);
        List<Appointments.ContactNote> notes = appointments.notes(id);
        List<ServiceConsents.Change> consentChanges = serviceConsents.history(id);

        model.addAttribute("supportCase", supportCase);
        model.addAttribute("subject", subject);
        model.addAttribute("dateOfBirth", DateAnswer.format(subject.dateOfBirth()));
        model.addAttribute("keyWorker", staff.of(supportCase.keyWorkerId()));
        model.addAttribute("programmeName", programme == null ? "" : programme.name());
        model.addAttribute("cohort", cohort);
        model.addAttribute("contract", contract);
        model.addAttribute("openedOn", DateAnswer.format(supportCase.openedOn()));
        model.addAttribute("erased", erasure.erased(id));
        model.addAttribute("legalHold", legalHolds.inForce(id).map(h -> "In force: " + h.reason()).orElse("None"));
        model.addAttribute("messages", messagesText(messageChoices.route(supportCase)));
        dueNext(caseAppointments, now, model);
        model.addAttribute("sections", SECTIONS.stream()
                .map(s -> new Section(s.title(), "/cases/" + id + "/" + s.href())).toList());
        model.addAttribute("timeline", timeline(id, caseMilestones, caseAppointments, notes,
                consentChanges, now));
        return "casework/case";
    }

    /** How the person gets messages, and whether it is their choice or taken from the referral. */
    private static String messagesText(CaseMessageChoices.Route route) {
        if (route == null || !route.reachable()) {
            return route != null && route.chosen() ? "No messages" : "None: no email address or mobile number for texts";
        }
        String how = (route.channel() == org.workhealth.notification.NewMessage.Channel.EMAIL ? "By email"
                : "By text message") + (route.reminders() ? ", with reminders" : ", without reminders");
        return route.chosen() ? how : how + " (from the referral)";
    }

    /** The next planned appointment, and planned ones that have passed without an outcome. */
    private static void dueNext(List<Appointments.Appointment> caseAppointments, LocalDateTime now, Model model) {
        Appointments.Appointment next = caseAppointments.stream()
                .filter(a -> a.planned() && !a.startsAt().isBefore(now))
                .min(Comparator.comparing(Appointments.Appointment::startsAt)).orElse(null);
        long awaitingOutcome = caseAppointments.stream().filter(a -> a.planned() && a.startsAt().isBefore(now))
                .count();
        model.addAttribute("nextAppointment", next == null ? null
                : CasePages.appointmentTime(next.startsAt()) + ". " + CasePages.how(next) + ".");
        model.addAttribute("awaitingOutcome", awaitingOutcome);
    }

    private List<TimelineRow> timeline(long caseId, List<Milestone> caseMilestones,
            List<Appointments.Appointment> caseAppointments, List<Appointments.ContactNote> notes,
            List<ServiceConsents.Change> consentChanges, LocalDateTime now) {
        Map<Long, String> recorders = staff.byId(caseMilestones.stream().map(Milestone::recordedBy)
                .filter(Objects::nonNull).distinct().toList());
        Map<Long, Milestone> byId = caseMilestones.stream().collect(Collectors.toMap(Milestone::id, m -> m));
        Map<Long, Milestone> correctedBy = caseMilestones.stream().filter(m -> m.supersedesId() != null)
                .collect(Collectors.toMap(Milestone::supersedesId, m -> m));
        List<TimelineRow> rows = new ArrayList<>();
        for (Milestone m : caseMilestones) {
            if (m.withdrawn()) {
                continue; // shown on the milestone it withdraws
            }
            // A milestone has only a date; recorded on that day, its recording time places it among the
            // day's other events (engagement after the appointment it follows); back-dated, it ends the day.
            LocalDateTime recorded = LocalDateTime.ofInstant(m.recordedAt(), Appointments.LONDON);
            LocalDateTime at = recorded.toLocalDate().equals(m.occurredOn()) ? recorded
                    : m.occurredOn().atTime(LocalTime.MAX);
            rows.add(new TimelineRow(at, DateAnswer.format(m.occurredOn()), what(m, correctedBy.get(m.id())),
                    details(m, byId, correctedBy.get(m.id()), recorders),
                    m.recordedBy() == null ? "" : recorders.getOrDefault(m.recordedBy(), ""),
                    correctedBy.containsKey(m.id()) || !MilestoneCorrectionController.correctable(m) ? ""
                            : "<a class=\"govuk-link\" href=\"/cases/" + caseId + "/milestones/" + m.id()
                                    + "/correct\">Correct<span class=\"govuk-visually-hidden\"> the "
                                    + HtmlUtils.htmlEscape(m.type().label().toLowerCase(java.util.Locale.UK) + " of "
                                            + DateAnswer.format(m.occurredOn())) + "</span></a>"));
        }
        for (Appointments.Appointment a : caseAppointments) {
            // Appointments still to come have not happened yet: they show under "What is due next".
            if (a.planned() && a.startsAt().isAfter(now)) {
                continue;
            }
            rows.add(new TimelineRow(a.startsAt(), CasePages.dateAndTime(a.startsAt()),
                    "Appointment: " + (a.planned() ? "outcome not recorded yet" : a.outcome().label().toLowerCase()),
                    CasePages.how(a), a.recordedByName()));
        }
        for (Appointments.ContactNote n : notes) {
            rows.add(new TimelineRow(LocalDateTime.ofInstant(n.writtenAt(), Appointments.LONDON),
                    CasePages.recorded(n.writtenAt()), "Note", n.note(), n.writtenByName()));
        }
        for (ServiceConsents.Change c : consentChanges) {
            // Dated when the person gave or withdrew it; recorded that day, the recording time places it in the day.
            LocalDateTime recorded = LocalDateTime.ofInstant(c.recordedAt(), Appointments.LONDON);
            LocalDateTime at = recorded.toLocalDate().equals(c.on()) ? recorded : c.on().atTime(LocalTime.MAX);
            String details = java.util.stream.Stream.of(c.toldBy() == null ? null : "Told us: " + c.toldBy(), c.note())
                    .filter(Objects::nonNull).filter(t -> !t.isBlank()).collect(Collectors.joining(". "));
            rows.add(new TimelineRow(at, DateAnswer.format(c.on()), "Consent to share with " + c.serviceName()
                    + (c.kind() == ServiceConsents.Kind.GIVEN ? " given" : " withdrawn"), details,
                    c.recordedByName() == null ? "" : c.recordedByName()));
        }
        rows.sort(Comparator.comparing(TimelineRow::at).reversed());
        return rows;
    }

    private static String what(Milestone m, Milestone next) {
        if (next == null) {
            return m.type().label();
        }
        return m.type().label() + (next.withdrawn() ? " (withdrawn)" : " (corrected)");
    }

    /** The milestone's details, and what became of it or what it corrects, with who did it and why. */
    private static String details(Milestone m, Map<Long, Milestone> byId, Milestone next, Map<Long, String> names) {
        List<String> parts = new ArrayList<>();
        String attributes = MilestoneDetails.text(m);
        if (!attributes.isEmpty()) {
            parts.add(attributes);
        }
        Milestone corrected = m.supersedesId() == null ? null : byId.get(m.supersedesId());
        if (corrected != null) {
            List<String> changed = MilestoneDetails.changes(corrected, m);
            if (!corrected.occurredOn().equals(m.occurredOn())) {
                changed.add(0, DateAnswer.format(corrected.occurredOn()));
            }
            if (!changed.isEmpty()) {
                parts.add("Corrected from " + String.join("; ", changed)
                        + (m.correctionReason() == null ? "" : ": " + m.correctionReason()));
            }
        }
        if (next != null) {
            String who = next.recordedBy() == null ? "" : " by " + names.getOrDefault(next.recordedBy(), "");
            String when = " on " + DateAnswer.format(LocalDateTime.ofInstant(next.recordedAt(), Appointments.LONDON)
                    .toLocalDate());
            parts.add((next.withdrawn() ? "Withdrawn" : next.occurredOn().equals(m.occurredOn()) ? "Corrected"
                    : "Corrected to " + DateAnswer.format(next.occurredOn()))
                    + who + when + (next.correctionReason() == null ? "" : ": " + next.correctionReason()));
        }
        return String.join(". ", parts);
    }

}
