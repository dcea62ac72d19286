package org.workhealth.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.workhealth.audit.AuditLog;
import org.workhealth.audit.AuditedRecord;
import org.workhealth.govuk.DateAnswer;
import org.workhealth.organisation.AccessPolicy;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.organisation.Permission;

/** The practitioner's home: their open cases and what is due on them. */
@Controller
class PractitionerHomeController {

    record CaseRow(long id, String reference, String fullName, String programme, String openedOn) {
    }

    record AppointmentRow(long caseId, String reference, String fullName, String date, String time, String how) {
    }

    record DueRow(long caseId, String reference, String fullName, String dueOn, String what) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mma", Locale.UK);

    private final PractitionerHome home;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final Clock clock;

    PractitionerHomeController(PractitionerHome home, AccessPolicy access, AuditLog audit, Clock clock) {
        this.home = home;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/cases")
    String show(CurrentUser user, Model model) {
        if (!user.has(Permission.MANAGE_CASES)) {
            throw new OutOfScopeException();
        }
        LocalDate today = LocalDate.now(clock);
        Set<Long> scope = access.scope(user);
        model.addAttribute("today", DateAnswer.format(today));
        List<PractitionerHome.MyCase> cases = home.openCases(user.id(), scope);
        model.addAttribute("cases", cases.stream()
                .map(c -> new CaseRow(c.id(), c.reference(), c.fullName(), c.programme(),
                        DateAnswer.format(c.openedOn())))
                .toList());
        List<PractitionerHome.Appointment> appointments = home.appointments(user.id(), scope, today);
        model.addAttribute("todaysAppointments", appointments.stream()
                .filter(a -> a.startsAt().toLocalDate().equals(today)).map(PractitionerHomeController::row).toList());
        model.addAttribute("comingAppointments", appointments.stream()
                .filter(a -> a.startsAt().toLocalDate().isAfter(today)).map(PractitionerHomeController::row).toList());
        model.addAttribute("daysAhead", PractitionerHome.DAYS_AHEAD);
        List<PractitionerHome.Due> reviews = home.overdueReviews(user.id(), scope, today);
        List<PractitionerHome.Due> actions = home.overdueActions(user.id(), scope, today);
        List<PractitionerHome.Due> checks = home.sustainmentChecksDue(user.id(), scope, today);
        model.addAttribute("overdueReviews", rows(reviews));
        model.addAttribute("overdueActions", rows(actions));
        model.addAttribute("checksDue", rows(checks));
        // The page lists names of the people supported: one entry naming every case on it.
        List<Long> shown = new ArrayList<>(cases.stream().map(PractitionerHome.MyCase::id).toList());
        appointments.forEach(a -> shown.add(a.caseId()));
        for (List<PractitionerHome.Due> due : List.of(reviews, actions, checks)) {
            due.forEach(d -> shown.add(d.caseId()));
        }
        audit.recordListView("case-home", AuditedRecord.all("case", shown));
        return "casework/home";
    }

    private static AppointmentRow row(PractitionerHome.Appointment a) {
        String how = channel(a.channel()) + (a.place() == null || a.place().isBlank() ? "" : ", " + a.place());
        return new AppointmentRow(a.caseId(), a.reference(), a.fullName(), DateAnswer.format(a.startsAt().toLocalDate()),
                a.startsAt().toLocalTime().format(TIME).toLowerCase(Locale.UK), how);
    }

    private static String channel(String code) {
        try {
            return AppointmentChannel.valueOf(code).label();
        } catch (IllegalArgumentException e) {
            return code;
        }
    }

    private static List<DueRow> rows(List<PractitionerHome.Due> due) {
        return due.stream().map(d -> new DueRow(d.caseId(), d.reference(), d.fullName(), DateAnswer.format(d.dueOn()),
                d.what())).toList();
    }
}
