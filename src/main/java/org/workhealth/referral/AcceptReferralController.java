package org.workhealth.referral;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workhealth.govuk.Answers;
import org.workhealth.govuk.Choices;
import org.workhealth.govuk.FormErrors;
import org.workhealth.milestone.PeriodLockedException;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.programme.Programme;

/**
 * Accepting a referral onto a programme and cohort and assigning a practitioner. The programme is
 * chosen first (a GET form, so it works without JavaScript), then the cohort and practitioner.
 */
@Controller
class AcceptReferralController {

    record AcceptForm(String programmeId, String cohortId, String cohortOverrideReason, String practitionerId) {
    }

    private final Triage triage;
    private final EligibilityCheck eligibility;

    AcceptReferralController(Triage triage, EligibilityCheck eligibility) {
        this.triage = triage;
        this.eligibility = eligibility;
    }

    @InitBinder("form")
    void allowFields(WebDataBinder binder) {
        binder.setAllowedFields("programmeId", "cohortId", "cohortOverrideReason", "practitionerId");
    }

    @GetMapping("/referrals/{id}/accept")
    String form(CurrentUser user, @PathVariable long id, @RequestParam(required = false) String programmeId,
            Model model, RedirectAttributes redirect) {
        ReferralDetails referral = triage.view(user, id);
        if (!referral.status().open()) {
            return alreadyDecided(referral, redirect);
        }
        List<Programme> programmes = triage.programmesFor(user);
        Programme programme = null;
        if (programmeId != null && !programmeId.isBlank()) {
            programme = offered(programmes, programmeId);
        } else if (programmes.size() == 1) {
            programme = programmes.get(0);
        } else if (programmeId == null && referral.programmeId() != null) {
            programme = programmes.stream().filter(p -> p.id().equals(referral.programmeId())).findFirst().orElse(null);
        }
        if (programme == null) {
            if (programmeId != null) {
                model.addAttribute("errors", FormErrors.single("programmeId", "Select a programme"));
            }
            model.addAttribute("referral", referral);
            model.addAttribute("programmeItems", Choices.options(programmes, Programme::id, Programme::name,
                    p -> p.supportType().label(), List.of()));
            model.addAttribute("backLink", "/referrals/" + id);
            return "referral/triage-accept-programme";
        }
        Optional<SuggestedCohort> suggestion = eligibility.suggestCohort(id, programme.id());
        model.addAttribute("form", new AcceptForm(programme.id().toString(),
                suggestion.map(s -> String.valueOf(s.cohortId())).orElse(null), null, null));
        return page(referral, programme, programmes.size() > 1, suggestion, model);
    }

    @PostMapping("/referrals/{id}/accept")
    String accept(CurrentUser user, @PathVariable long id, @ModelAttribute("form") AcceptForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        ReferralDetails referral = triage.view(user, id);
        if (!referral.status().open()) {
            return alreadyDecided(referral, redirect);
        }
        List<Programme> programmes = triage.programmesFor(user);
        Programme programme = offered(programmes, form.programmeId());
        Optional<SuggestedCohort> suggestion = eligibility.suggestCohort(id, programme.id());

        Long cohortId = null;
        if (!programme.cohorts().isEmpty()) {
            if (Answers.blank(form.cohortId())) {
                result.rejectValue("cohortId", "required", "Select a cohort");
            } else {
                cohortId = programme.cohorts().stream().filter(c -> c.id().toString().equals(form.cohortId().strip()))
                        .findFirst().orElseThrow(OutOfScopeException::new).id();
            }
        }
        boolean overridden = cohortId != null && suggestion.isPresent() && suggestion.get().cohortId() != cohortId;
        if (overridden && Answers.blank(form.cohortOverrideReason())) {
            result.rejectValue("cohortOverrideReason", "required",
                    "Enter why you chose a different cohort from the suggested one");
        } else if (overridden && form.cohortOverrideReason().strip().length() > Triage.REASON_MAX) {
            result.rejectValue("cohortOverrideReason", "tooLong",
                    "Reason for the cohort must be " + Triage.REASON_MAX + " characters or fewer");
        }
        List<Triage.PractitionerLoad> practitioners = triage.practitioners(referral, programme);
        Triage.PractitionerLoad practitioner = null;
        if (Answers.blank(form.practitionerId())) {
            result.rejectValue("practitionerId", "required", "Select a practitioner");
        } else {
            practitioner = practitioners.stream()
                    .filter(p -> String.valueOf(p.personId()).equals(form.practitionerId().strip())).findFirst()
                    .orElseThrow(OutOfScopeException::new);
        }
        if (result.hasErrors()) {
            return page(referral, programme, programmes.size() > 1, suggestion, model);
        }
        boolean done;
        try {
            done = triage.accept(user, referral, programme, new Triage.Acceptance(programme.id(), cohortId,
                    overridden ? form.cohortOverrideReason() : null, practitioner.personId()), practitioner);
        } catch (PeriodLockedException e) {
            // Accepting writes referral received, dated the day it came in, which is in a locked period.
            result.reject("locked", e.getMessage());
            return page(referral, programme, programmes.size() > 1, suggestion, model);
        }
        if (!done) {
            return alreadyDecided(id, redirect);
        }
        redirect.addFlashAttribute("notice", "Referral accepted onto " + programme.name() + " and assigned to "
                + practitioner.fullName() + ".");
        return "redirect:/referrals/" + id;
    }

    private String page(ReferralDetails referral, Programme programme, boolean canChangeProgramme,
            Optional<SuggestedCohort> suggestion, Model model) {
        AcceptForm form = (AcceptForm) model.getAttribute("form");
        List<Triage.PractitionerLoad> practitioners = triage.practitioners(referral, programme);
        model.addAttribute("referral", referral);
        model.addAttribute("programme", programme);
        model.addAttribute("canChangeProgramme", canChangeProgramme);
        model.addAttribute("suggestion", suggestion.orElse(null));
        model.addAttribute("cohortItems", Choices.options(programme.cohortsInOrder(), Programme.Cohort::id,
                Programme.Cohort::name, c -> suggestion.isPresent() && suggestion.get().cohortId() == c.id()
                        ? "Suggested: " + suggestion.get().why() : c.description(),
                form.cohortId() == null ? List.of() : List.of(form.cohortId())));
        model.addAttribute("practitionerItems", Choices.options(practitioners, Triage.PractitionerLoad::personId,
                Triage.PractitionerLoad::fullName, AcceptReferralController::caseloadHint,
                form.practitionerId() == null ? List.of() : List.of(form.practitionerId())));
        model.addAttribute("overCap", practitioners.stream().filter(Triage.PractitionerLoad::atOrOverCap).toList());
        model.addAttribute("cap", Triage.capFor(programme));
        model.addAttribute("backLink", "/referrals/" + referral.id());
        return "referral/triage-accept";
    }

    private static String caseloadHint(Triage.PractitionerLoad p) {
        String load = p.cap() == null ? "Caseload: " + p.caseload()
                : "Caseload: " + p.caseload() + " of " + p.cap();
        return p.organisationName() == null ? load : p.organisationName() + ". " + load;
    }

    /** A programme the page offered; any other id only comes from a tampered form or URL. */
    private static Programme offered(List<Programme> programmes, String programmeId) {
        if (Answers.blank(programmeId)) {
            throw new OutOfScopeException();
        }
        return programmes.stream().filter(p -> p.id().toString().equals(programmeId.strip())).findFirst()
                .orElseThrow(OutOfScopeException::new);
    }

    /** A control-arm referral says why it cannot be accepted: the trial, not a colleague, decided it. */
    static String alreadyDecided(ReferralDetails referral, RedirectAttributes redirect) {
        if (referral.status() == ReferralStatus.TRIAL_CONTROL) {
            redirect.addFlashAttribute("notice", "This person was allocated to the control arm of a trial, so they "
                    + "cannot be accepted onto the programme: " + referral.decisionReason());
            return "redirect:/referrals/" + referral.id();
        }
        return alreadyDecided(referral.id(), redirect);
    }

    static String alreadyDecided(long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", "A decision has already been made on this referral.");
        return "redirect:/referrals/" + id;
    }
}
