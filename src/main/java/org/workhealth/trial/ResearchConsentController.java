package org.workhealth.trial;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

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
import org.workhealth.govuk.Choices;
import org.workhealth.govuk.DateAnswer;
import org.workhealth.govuk.TextAnswer;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.research.ResearchConsent;
import org.workhealth.research.ResearchConsentRecording;
import org.workhealth.research.ResearchConsents;
import org.workhealth.research.ResearchWithdrawal;
import org.workhealth.trial.internal.Allocation;

/**
 * One participant's research consent to the trial, reached from the allocations list by those the trial lets see
 * allocations: the sheet version and date, the withdrawals so far, and recording a withdrawal (which may widen,
 * never narrow, what an earlier one covered).
 */
@Controller
class ResearchConsentController {

    /** The three things a withdrawal can cover; the last implies the other two, the second the first. */
    enum Scope {
        CONTACT("No further contact", "They are not contacted for the study again (follow-ups included)"),
        FURTHER_DATA("No further data", "Nothing about them dated after the withdrawal is used"),
        COLLECTED_DATA("Do not use data already collected", "Nothing about them is used at all; implies the other two");

        final String label;
        final String hint;

        Scope(String label, String hint) {
            this.label = label;
            this.hint = hint;
        }
    }

    /** withdrawnOn is never bound: it names the date input for error messages. */
    record WithdrawalForm(LocalDate withdrawnOn, String withdrawnOnDay, String withdrawnOnMonth,
            String withdrawnOnYear, List<String> scope, String note) {
    }

    private final Trials trials;
    private final AllocationAccess allocations;
    private final ResearchConsents consents;
    private final ResearchConsentRecording recording;
    private final Enrolment enrolment;
    private final AuditLog audit;

    ResearchConsentController(Trials trials, AllocationAccess allocations, ResearchConsents consents,
            ResearchConsentRecording recording, Enrolment enrolment, AuditLog audit) {
        this.trials = trials;
        this.allocations = allocations;
        this.consents = consents;
        this.recording = recording;
        this.enrolment = enrolment;
        this.audit = audit;
    }

    @InitBinder("form")
    void allowFields(WebDataBinder binder) {
        binder.setAllowedFields("withdrawnOnDay", "withdrawnOnMonth", "withdrawnOnYear", "scope", "note");
    }

    @GetMapping("/trials/{trialId}/allocations/{allocationId}/research-consent")
    String show(CurrentUser user, @PathVariable long trialId, @PathVariable long allocationId, Model model) {
        Trial trial = trials.visible(user, trialId);
        Allocation allocation = allocations.visible(user, trial, allocationId);
        Optional<ResearchConsent> consent = consents.of(trial.code(), allocation.unitId());
        audit.recordView("research_consent", consent.map(ResearchConsent::id).orElse(allocation.id()),
                consent.map(ResearchConsent::organisationId).orElse(trial.ownerOrganisationId()));
        model.addAttribute("form", new WithdrawalForm(null, null, null, null, null, null));
        return page(trial, allocation, consent.orElse(null), model);
    }

    @PostMapping("/trials/{trialId}/allocations/{allocationId}/research-consent")
    String withdraw(CurrentUser user, @PathVariable long trialId, @PathVariable long allocationId,
            @ModelAttribute("form") WithdrawalForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        Trial trial = trials.visible(user, trialId);
        Allocation allocation = allocations.visible(user, trial, allocationId);
        ResearchConsent consent = consents.of(trial.code(), allocation.unitId()).orElseThrow(OutOfScopeException::new);
        List<String> chosen = form.scope() == null ? List.of() : form.scope();
        List<Scope> scope = chosen.stream().map(s -> Choices.chosen(Scope.class, s)).toList();
        if (scope.contains(null)) {
            throw new OutOfScopeException(); // not one of the page's codes: a tampered form
        }
        DateAnswer date = DateAnswer.parse("Date of withdrawal", form.withdrawnOnDay(), form.withdrawnOnMonth(),
                form.withdrawnOnYear());
        String note = TextAnswer.optional(result, "note", form.note(), "Note", ResearchWithdrawal.NOTE_MAX);
        ResearchWithdrawal withdrawal = ResearchWithdrawal.of(date.date(), scope.contains(Scope.CONTACT),
                scope.contains(Scope.FURTHER_DATA), scope.contains(Scope.COLLECTED_DATA), note);
        if (!date.valid()) {
            result.rejectValue("withdrawnOn", "invalid", date.error());
        } else {
            problem(result, () -> ResearchConsentRecording.checkDate(consent, date.date(), enrolment.today(),
                    lastWithdrawnOn(consent)));
        }
        problem(result, () -> ResearchConsentRecording.check(consent, withdrawal));
        if (!result.hasErrors()) {
            try {
                recording.withdraw(consent, withdrawal, user.id());
                redirect.addFlashAttribute("notice", "Withdrawal recorded: " + withdrawal.scope().toLowerCase(
                        java.util.Locale.UK));
                return "redirect:/trials/" + trialId + "/allocations/" + allocationId + "/research-consent";
            } catch (ResearchConsentRecording.NotRecordedException e) {
                reject(result, e);
            }
        }
        return page(trial, allocation, consent, model);
    }

    private LocalDate lastWithdrawnOn(ResearchConsent consent) {
        return recording.history(consent.id()).stream().map(ResearchWithdrawal::withdrawnOn)
                .max(LocalDate::compareTo).orElse(null);
    }

    private static void problem(BindingResult result, Runnable check) {
        try {
            check.run();
        } catch (ResearchConsentRecording.NotRecordedException e) {
            reject(result, e);
        }
    }

    private static void reject(BindingResult result, ResearchConsentRecording.NotRecordedException e) {
        if (e.field() == null) {
            result.reject("notRecorded", e.getMessage());
        } else if (!result.hasFieldErrors(e.field())) {
            result.rejectValue(e.field(), "notRecorded", e.getMessage());
        }
    }

    private String page(Trial trial, Allocation allocation, ResearchConsent consent, Model model) {
        WithdrawalForm form = (WithdrawalForm) model.getAttribute("form");
        model.addAttribute("trial", trial);
        model.addAttribute("allocation", allocation);
        model.addAttribute("consent", consent);
        model.addAttribute("history", consent == null ? List.of() : recording.history(consent.id()));
        model.addAttribute("fullyWithdrawn", consent != null && consent.noCollectedData());
        model.addAttribute("scopeItems", Choices.options(List.of(Scope.values()), Enum::name, s -> s.label,
                s -> s.hint, form.scope() == null ? List.of() : form.scope()));
        model.addAttribute("backLink", "/trials/" + trial.id() + "/allocations");
        return "trial/research-consent";
    }
}
