package org.workhealth.trial;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.workhealth.govuk.Choices;
import org.workhealth.govuk.DateAnswer;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.referral.TrialCandidate;
import org.workhealth.referral.TrialCandidates;
import org.workhealth.research.InformationSheet;
import org.workhealth.research.InformationSheets;
import org.workhealth.research.ResearchConsentRecording;
import org.workhealth.trial.internal.Exclusion;
import org.workhealth.trial.internal.ExclusionReason;
import org.workhealth.trial.internal.UnitFacts;
import org.workhealth.trial.internal.Randomiser;

/**
 * The randomisation point at triage: is the person eligible, have they given research consent (against which
 * version of the information sheet, on what date). Eligible and consenting: consent is recorded and the referral
 * randomised together; otherwise the exclusion is recorded with its reason. The page shows the strata read from
 * the referral and, once made, the allocation or exclusion: never the next allocation.
 */
@Controller
class RandomiseController {

    /** consentedOn is never bound: it names the date input for error messages. */
    record RandomiseForm(String eligible, String consented, String sheetVersion, LocalDate consentedOn,
            String consentedOnDay, String consentedOnMonth, String consentedOnYear, String detail) {
    }

    private static final List<String[]> ELIGIBLE = List.of(new String[] {"yes", "Yes, they meet the criteria"},
            new String[] {"no", "No, they do not meet the criteria"},
            new String[] {"other", "They cannot be randomised for another reason"});
    private static final List<String[]> CONSENTED = List.of(new String[] {"yes", "Yes"},
            new String[] {"no", "No, they declined to take part"});

    private final Enrolment enrolment;
    private final Randomiser randomiser;
    private final TrialCandidates candidates;
    private final InformationSheets sheets;

    RandomiseController(Enrolment enrolment, Randomiser randomiser, TrialCandidates candidates,
            InformationSheets sheets) {
        this.enrolment = enrolment;
        this.randomiser = randomiser;
        this.candidates = candidates;
        this.sheets = sheets;
    }

    @InitBinder("form")
    void allowFields(WebDataBinder binder) {
        binder.setAllowedFields("eligible", "consented", "sheetVersion", "consentedOnDay", "consentedOnMonth",
                "consentedOnYear", "detail");
    }

    @GetMapping("/referrals/{id}/trials/{trialId}/randomise")
    String form(CurrentUser user, @PathVariable("id") long referralId, @PathVariable long trialId, Model model) {
        TrialCandidate candidate = candidates.view(user, referralId);
        Trial trial = enrolment.trialFor(candidate, trialId);
        model.addAttribute("form", new RandomiseForm(null, null, null, null, null, null, null, null));
        return page(trial, candidate, model);
    }

    @PostMapping("/referrals/{id}/trials/{trialId}/randomise")
    String randomise(CurrentUser user, @PathVariable("id") long referralId, @PathVariable long trialId,
            @ModelAttribute("form") RandomiseForm form, BindingResult result, Model model) {
        TrialCandidate candidate = candidates.find(user, referralId);
        Trial trial = enrolment.trialFor(candidate, trialId);
        String eligible = coded(form.eligible(), ELIGIBLE);
        String consented = coded(form.consented(), CONSENTED);
        String detail = form.detail() == null || form.detail().isBlank() ? null : form.detail().strip();
        if (eligible == null) {
            result.rejectValue("eligible", "required", "Select whether the person meets the eligibility criteria");
        } else if ("yes".equals(eligible) && consented == null) {
            result.rejectValue("consented", "required", "Select whether the person has given research consent");
        }
        boolean randomising = "yes".equals(eligible) && "yes".equals(consented);
        Enrolment.Consent consent = randomising ? consent(trial, form, result) : null;
        if (!randomising && "other".equals(eligible) && detail == null) {
            result.rejectValue("detail", "required", "Enter why they cannot be randomised");
        } else if (detail != null && detail.length() > Exclusion.DETAIL_MAX) {
            result.rejectValue("detail", "tooLong", "Why they were not randomised must be "
                    + Exclusion.DETAIL_MAX + " characters or fewer");
        }
        if (!result.hasErrors()) {
            try {
                if (randomising) {
                    enrolment.randomise(user, trial, candidate, consent);
                } else if (eligible != null) {
                    ExclusionReason reason = "no".equals(eligible) ? ExclusionReason.NOT_ELIGIBLE
                            : "other".equals(eligible) ? ExclusionReason.OTHER : ExclusionReason.DECLINED;
                    enrolment.exclude(user, trial, candidate, reason, detail);
                }
            } catch (Randomiser.NotRandomisedException | ResearchConsentRecording.NotRecordedException e) {
                result.reject("notRandomised", e.getMessage());
            }
        }
        return page(trial, candidate, model);
    }

    /** The consent answers, checked against the trial's information sheets. */
    private Enrolment.Consent consent(Trial trial, RandomiseForm form, BindingResult result) {
        InformationSheet sheet = form.sheetVersion() == null ? null : sheets.find(trial.code(),
                form.sheetVersion().strip()).orElse(null);
        if (sheet == null) {
            result.rejectValue("sheetVersion", "required", "Select the version of the information sheet they were given");
        }
        DateAnswer date = DateAnswer.parse("Date consent was given", form.consentedOnDay(), form.consentedOnMonth(),
                form.consentedOnYear());
        if (!date.valid()) {
            result.rejectValue("consentedOn", "invalid", date.error());
        } else if (date.date().isAfter(enrolment.today())) {
            result.rejectValue("consentedOn", "future", "Date consent was given must be today or in the past");
        } else if (sheet != null && date.date().isBefore(sheet.dated())) {
            result.rejectValue("consentedOn", "beforeSheet", "Date consent was given must be on or after "
                    + DateAnswer.format(sheet.dated()) + ", the date of information sheet " + sheet.version());
        }
        return sheet == null || !date.valid() ? null : new Enrolment.Consent(sheet.version(), date.date());
    }

    private static String coded(String answer, List<String[]> codes) {
        return answer == null ? null : codes.stream().map(c -> c[0]).filter(c -> c.equals(answer.strip()))
                .findFirst().orElse(null);
    }

    private String page(Trial trial, TrialCandidate candidate, Model model) {
        RandomiseForm form = (RandomiseForm) model.getAttribute("form");
        UnitFacts facts = Enrolment.facts(candidate);
        model.addAttribute("trial", trial);
        model.addAttribute("candidate", candidate);
        model.addAttribute("strata", trial.factors().stream()
                .map(f -> new String[] {f.label(), facts.values().getOrDefault(f, "Not recorded")}).toList());
        var allocation = randomiser.allocationOf(trial.id(), candidate.referralId());
        model.addAttribute("allocation", allocation.orElse(null));
        model.addAttribute("arm", allocation.map(a -> trial.arm(a.armCode())).orElse(null));
        model.addAttribute("exclusion", allocation.isPresent() ? null
                : enrolment.exclusionOf(trial, candidate.referralId()).orElse(null));
        // Why no form is offered, when none is: decided referral, trial not recruiting, no information sheet yet.
        List<InformationSheet> trialSheets = sheets.forStudy(trial.code());
        String closed = !candidate.open() ? Enrolment.closed(candidate)
                : !enrolment.recruitingToday(trial) ? "This trial is not recruiting today: it recruits from "
                        + DateAnswer.format(trial.recruitmentStarts()) + " to " + DateAnswer.format(trial.recruitmentEnds())
                : null;
        model.addAttribute("closed", closed);
        model.addAttribute("noSheets", trialSheets.isEmpty());
        model.addAttribute("eligibleItems", items(ELIGIBLE, form.eligible()));
        model.addAttribute("consentItems", items(CONSENTED, form.consented()));
        model.addAttribute("sheetItems", Choices.options(trialSheets, InformationSheet::version,
                s -> "Version " + s.version(), s -> "Dated " + DateAnswer.format(s.dated()),
                form.sheetVersion() == null ? List.of() : List.of(form.sheetVersion().strip())));
        model.addAttribute("backLink", "/referrals/" + candidate.referralId());
        return "trial/randomise";
    }

    private static List<Map<String, Object>> items(List<String[]> codes, String chosen) {
        return Choices.options(codes, c -> c[0], c -> c[1], null,
                chosen == null ? List.of() : List.of(chosen.strip()));
    }
}
