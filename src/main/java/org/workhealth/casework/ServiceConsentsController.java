package org.workhealth.casework;

import java.time.LocalDate;
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
import org.workhealth.casework.CaseDates.Earliest;
import org.workhealth.govuk.DateAnswer;
import org.workhealth.govuk.TextAnswer;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;

/**
 * The services a person has agreed we may share their details with, and recording that they withdrew that
 * consent (or gave it again): one page listing the services, one page per service with its history and the form.
 */
@Controller
class ServiceConsentsController {

    /** on is never bound: it names the date input for error messages. */
    record ChangeForm(LocalDate on, String onDay, String onMonth, String onYear, String toldBy, String note) {

        static final ChangeForm EMPTY = new ChangeForm(null, null, null, null, null, null);
    }

    record StandingRow(long serviceId, String service, boolean given, String since) {
    }

    record ChangeRow(String when, String what, String toldBy, String note, String by, String recorded) {
    }

    private final CaseAccess caseAccess;
    private final CaseSubjects subjects;
    private final ServiceConsents consents;

    ServiceConsentsController(CaseAccess caseAccess, CaseSubjects subjects, ServiceConsents consents) {
        this.caseAccess = caseAccess;
        this.subjects = subjects;
        this.consents = consents;
    }

    @InitBinder("form")
    void allowFields(WebDataBinder binder) {
        binder.setAllowedFields("onDay", "onMonth", "onYear", "toldBy", "note");
    }

    @GetMapping("/cases/{id}/service-consents")
    String list(CurrentUser user, @PathVariable long id, Model model) {
        SupportCase supportCase = caseAccess.view(user, id, "case-service-consents");
        model.addAttribute("supportCase", supportCase);
        model.addAttribute("subjectName", subjects.fullName(supportCase));
        model.addAttribute("rows", consents.standings(id).stream().map(s -> new StandingRow(s.serviceId(),
                s.serviceName(), s.given(), DateAnswer.format(s.latest().on()))).toList());
        model.addAttribute("backLink", "/cases/" + id);
        return "casework/service-consents";
    }

    @GetMapping("/cases/{id}/service-consents/{serviceId}")
    String show(CurrentUser user, @PathVariable long id, @PathVariable long serviceId, Model model) {
        SupportCase supportCase = caseAccess.change(user, id);
        // A service the case has no consent for is not found, and reading nothing writes no VIEW entry.
        ServiceConsents.Standing standing = consents.standing(id, serviceId).orElseThrow(OutOfScopeException::new);
        caseAccess.view(user, id, "case-service-consent");
        model.addAttribute("form", ChangeForm.EMPTY);
        return page(supportCase, standing, model);
    }

    @PostMapping("/cases/{id}/service-consents/{serviceId}/withdraw")
    String withdraw(CurrentUser user, @PathVariable long id, @PathVariable long serviceId,
            @ModelAttribute("form") ChangeForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        return change(user, id, serviceId, form, result, model, redirect, false);
    }

    @PostMapping("/cases/{id}/service-consents/{serviceId}/give")
    String giveAgain(CurrentUser user, @PathVariable long id, @PathVariable long serviceId,
            @ModelAttribute("form") ChangeForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        return change(user, id, serviceId, form, result, model, redirect, true);
    }

    private String change(CurrentUser user, long id, long serviceId, ChangeForm form, BindingResult result,
            Model model, RedirectAttributes redirect, boolean give) {
        SupportCase supportCase = caseAccess.change(user, id);
        ServiceConsents.Standing standing = consents.standing(id, serviceId).orElseThrow(OutOfScopeException::new);
        String back = "redirect:/cases/" + id + "/service-consents/" + serviceId;
        if (standing.given() == give) {
            // A stale or repeated form: consent is already as it asks.
            redirect.addFlashAttribute("notice", "Nothing was changed: consent was already "
                    + (give ? "given" : "withdrawn"));
            return back;
        }
        String field = give ? "Date consent was given again" : "Date consent was withdrawn";
        LocalDate on = CaseDates.pastDate(result, "on", field, form.onDay(), form.onMonth(), form.onYear(),
                consents.today(), new Earliest(standing.latest().on(), "beforeLast",
                        "when they " + (give ? "withdrew" : "gave") + " it"));
        String toldBy = TextAnswer.required(result, "toldBy", form.toldBy(), "Enter who told us", "Who told us",
                ServiceConsents.TOLD_BY_MAX);
        String note = TextAnswer.optional(result, "note", form.note(), "Note", ServiceConsents.NOTE_MAX);
        if (result.hasErrors()) {
            caseAccess.view(user, id, "case-service-consent");
            return page(supportCase, standing, model);
        }
        boolean changed = give
                ? consents.recordGivenAgain(supportCase, standing, on, toldBy, note, user.id())
                : consents.recordWithdrawal(supportCase, standing, on, toldBy, note, user.id());
        redirect.addFlashAttribute("notice", !changed ? "Nothing was changed: someone else recorded it first"
                : give ? "Consent to share with " + standing.serviceName() + " given again"
                : "Consent withdrawal recorded: share nothing more with " + standing.serviceName());
        return back;
    }

    private String page(SupportCase supportCase, ServiceConsents.Standing standing, Model model) {
        List<ChangeRow> history = consents.history(supportCase.id()).stream()
                .filter(c -> c.serviceId() == standing.serviceId())
                .map(c -> new ChangeRow(DateAnswer.format(c.on()), c.kind() == ServiceConsents.Kind.GIVEN ? "Given"
                        : "Withdrawn", c.toldBy() == null ? "" : c.toldBy(), c.note() == null ? "" : c.note(),
                        c.recordedByName() == null ? "" : c.recordedByName(),
                        CasePages.recorded(c.recordedAt())))
                .toList();
        model.addAttribute("supportCase", supportCase);
        model.addAttribute("subjectName", subjects.fullName(supportCase));
        model.addAttribute("service", standing.serviceName());
        model.addAttribute("serviceId", standing.serviceId());
        model.addAttribute("given", standing.given());
        model.addAttribute("since", DateAnswer.format(standing.latest().on()));
        model.addAttribute("history", history);
        model.addAttribute("backLink", "/cases/" + supportCase.id() + "/service-consents");
        return "casework/service-consent";
    }

}
