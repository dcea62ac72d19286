package org.workhealth.casework;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

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
import org.workhealth.casework.CaseDates.Earliest;
import org.workhealth.audit.AuditLog;
import org.workhealth.govuk.Choices;
import org.workhealth.govuk.DateAnswer;
import org.workhealth.govuk.TextAnswer;
import org.workhealth.milestone.PeriodLockedException;
import org.workhealth.organisation.CurrentUser;

/** Closing a case when the person leaves support, and reopening it with a reason. */
@Controller
class ExitController {

    /** exitedOn is never bound: it names the date input for error messages. */
    record ExitForm(String reason, String otherReason, LocalDate exitedOn, String exitedOnDay, String exitedOnMonth,
            String exitedOnYear) {
    }

    record ReopenForm(String reopenReason) {
    }

    record EventRow(String when, String what, String by) {
    }

    private static final int MAX_TEXT = 500;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, h:mma", Locale.UK);
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final CaseAccess caseAccess;
    private final CaseExits exits;
    private final AuditLog audit;

    ExitController(CaseAccess caseAccess, CaseExits exits, AuditLog audit) {
        this.caseAccess = caseAccess;
        this.exits = exits;
        this.audit = audit;
    }

    @InitBinder("form")
    void allowExitFields(WebDataBinder binder) {
        binder.setAllowedFields("reason", "otherReason", "exitedOnDay", "exitedOnMonth", "exitedOnYear");
    }

    @InitBinder("reopenForm")
    void allowReopenFields(WebDataBinder binder) {
        binder.setAllowedFields("reopenReason");
    }

    @GetMapping("/cases/{id}/exit")
    String show(CurrentUser user, @PathVariable long id, Model model) {
        SupportCase supportCase = caseAccess.view(user, id, "case-exit");
        model.addAttribute("form", new ExitForm(null, null, null, null, null, null));
        model.addAttribute("reopenForm", new ReopenForm(null));
        return page(supportCase, model);
    }

    @PostMapping("/cases/{id}/exit")
    String exit(CurrentUser user, @PathVariable long id, @ModelAttribute("form") ExitForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        SupportCase supportCase = caseAccess.change(user, id);
        if (!supportCase.status().canBecome(CaseStatus.CLOSED)) {
            redirect.addFlashAttribute("notice", "The case is already closed");
            return "redirect:/cases/" + id + "/exit";
        }
        ExitReason reason = parse(form.reason());
        if (reason == null) {
            result.rejectValue("reason", "required", "Select why they are leaving support");
        }
        String other = reason == ExitReason.OTHER
                ? TextAnswer.required(result, "otherReason", form.otherReason(),
                        "Enter the reason they are leaving support", "The reason", MAX_TEXT)
                : TextAnswer.optional(result, "otherReason", form.otherReason(), "The reason", MAX_TEXT);
        LocalDate exitedOn = CaseDates.pastDate(result, "exitedOn", "Date they left support", form.exitedOnDay(),
                form.exitedOnMonth(), form.exitedOnYear(), exits.today(), Earliest.caseOpened(supportCase));
        if (result.hasErrors()) {
            audit.recordView("case-exit", id, supportCase.organisationId());
            model.addAttribute("reopenForm", new ReopenForm(null));
            return page(supportCase, model);
        }
        boolean closed;
        try {
            closed = exits.exit(user, supportCase, reason, reason == ExitReason.OTHER ? other : null, exitedOn);
        } catch (PeriodLockedException e) {
            // The exit milestone falls in a period whose return is approved: the case stays open.
            result.rejectValue("exitedOn", "locked", e.getMessage());
            audit.recordView("case-exit", id, supportCase.organisationId());
            model.addAttribute("reopenForm", new ReopenForm(null));
            return page(supportCase, model);
        }
        redirect.addFlashAttribute("notice", closed ? "Case closed" : "The case is already closed");
        return "redirect:/cases/" + id + "/exit";
    }

    @PostMapping("/cases/{id}/reopen")
    String reopen(CurrentUser user, @PathVariable long id, @ModelAttribute("reopenForm") ReopenForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        SupportCase supportCase = caseAccess.change(user, id);
        if (!supportCase.status().canBecome(CaseStatus.OPEN)) {
            redirect.addFlashAttribute("notice", "The case is already open");
            return "redirect:/cases/" + id + "/exit";
        }
        String reason = TextAnswer.required(result, "reopenReason", form.reopenReason(),
                "Enter why the case is being reopened", "The reason", MAX_TEXT);
        if (result.hasErrors()) {
            audit.recordView("case-exit", id, supportCase.organisationId());
            model.addAttribute("form", new ExitForm(null, null, null, null, null, null));
            return page(supportCase, model);
        }
        boolean reopened;
        try {
            reopened = exits.reopen(user, supportCase, reason);
        } catch (PeriodLockedException e) {
            // Reopening is dated today; only a lock reaching today stops it, and then the case stays closed.
            result.rejectValue("reopenReason", "locked", e.getMessage());
            audit.recordView("case-exit", id, supportCase.organisationId());
            model.addAttribute("form", new ExitForm(null, null, null, null, null, null));
            return page(supportCase, model);
        }
        redirect.addFlashAttribute("notice", reopened ? "Case reopened" : "The case is already open");
        return "redirect:/cases/" + id + "/exit";
    }

    private String page(SupportCase supportCase, Model model) {
        ExitForm form = (ExitForm) model.getAttribute("form");
        model.addAttribute("supportCase", supportCase);
        model.addAttribute("open", supportCase.status() == CaseStatus.OPEN);
        model.addAttribute("reasonItems", Choices.options(Arrays.asList(ExitReason.values()), Enum::name,
                ExitReason::label, null, form.reason() == null ? List.of() : List.of(form.reason())));
        model.addAttribute("events", exits.events(supportCase.id()).stream().map(e -> new EventRow(
                WHEN.format(e.recordedAt().atZone(LONDON)).replace("AM", "am").replace("PM", "pm"),
                describe(e), e.recordedBy() == null ? "" : e.recordedBy())).toList());
        model.addAttribute("backLink", "/cases/" + supportCase.id());
        return "casework/exit";
    }

    private static String describe(CaseExits.Event e) {
        if ("REOPENED".equals(e.kind())) {
            return "Reopened: " + e.detail();
        }
        ExitReason reason = parse(e.reason());
        return "Closed on " + DateAnswer.format(e.occurredOn()) + ": " + (reason == null ? e.reason() : reason.label())
                + (e.detail() == null ? "" : " (" + e.detail() + ")");
    }

    private static ExitReason parse(String answer) {
        if (answer == null || answer.isBlank()) {
            return null;
        }
        try {
            return ExitReason.valueOf(answer.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
