package org.workhealth.trial;

import java.util.EnumMap;
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
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.referral.TrialCandidate;
import org.workhealth.referral.TrialCandidates;

/**
 * Randomising a referral at triage, after the triager confirms eligibility and consent. The page shows the
 * strata read from the referral and, once made, the allocation: never the next one.
 */
@Controller
class RandomiseController {

    record RandomiseForm(String eligible, String consented) {
    }

    private final Trials trials;
    private final Randomiser randomiser;
    private final TrialCandidates candidates;

    RandomiseController(Trials trials, Randomiser randomiser, TrialCandidates candidates) {
        this.trials = trials;
        this.randomiser = randomiser;
        this.candidates = candidates;
    }

    @InitBinder("form")
    void allowFields(WebDataBinder binder) {
        binder.setAllowedFields("eligible", "consented");
    }

    @GetMapping("/referrals/{id}/trials/{trialId}/randomise")
    String form(CurrentUser user, @PathVariable("id") long referralId, @PathVariable long trialId, Model model) {
        TrialCandidate candidate = candidates.view(user, referralId);
        Trial trial = trial(trialId);
        model.addAttribute("form", new RandomiseForm(null, null));
        return page(trial, candidate, model);
    }

    @PostMapping("/referrals/{id}/trials/{trialId}/randomise")
    String randomise(CurrentUser user, @PathVariable("id") long referralId, @PathVariable long trialId,
            @ModelAttribute("form") RandomiseForm form, BindingResult result, Model model) {
        TrialCandidate candidate = candidates.find(user, referralId);
        Trial trial = trial(trialId);
        if (!"yes".equals(form.eligible())) {
            result.rejectValue("eligible", "required", "Confirm the person meets the trial's eligibility criteria");
        }
        if (!"yes".equals(form.consented())) {
            result.rejectValue("consented", "required", "Confirm the person has given consent to take part");
        }
        if (!result.hasErrors()) {
            try {
                randomiser.randomise(user, trialId, facts(candidate));
            } catch (Randomiser.NotRandomisedException e) {
                result.reject("notRandomised", e.getMessage());
                model.addAttribute("problem", e.getMessage());
            }
        }
        return page(trial, candidate, model);
    }

    private Trial trial(long trialId) {
        // Anyone who may triage the referral may randomise it into its programme's recruiting participant trial.
        Trial trial = trials.find(trialId).orElseThrow(OutOfScopeException::new);
        if (trial.unit() != TrialUnit.PARTICIPANT) {
            throw new OutOfScopeException();
        }
        return trial;
    }

    static UnitFacts facts(TrialCandidate c) {
        Map<StratificationFactor, String> values = new EnumMap<>(StratificationFactor.class);
        values.put(StratificationFactor.LOCALITY, c.routedOrganisationName());
        if (c.inWork() != null) {
            values.put(StratificationFactor.IN_WORK, c.inWork());
        }
        if (c.cohortName() != null) {
            values.put(StratificationFactor.COHORT, c.cohortName());
        }
        return new UnitFacts(c.referralId(), c.routedOrganisationId(), values);
    }

    private String page(Trial trial, TrialCandidate candidate, Model model) {
        model.addAttribute("trial", trial);
        model.addAttribute("candidate", candidate);
        model.addAttribute("strata", trial.factors().stream()
                .map(f -> new String[] {f.label(), facts(candidate).values().getOrDefault(f, "Not recorded")})
                .toList());
        var allocation = randomiser.allocationOf(trial.id(), candidate.referralId());
        model.addAttribute("allocation", allocation.orElse(null));
        model.addAttribute("arm", allocation.map(a -> trial.arm(a.armCode())).orElse(null));
        model.addAttribute("backLink", "/referrals/" + candidate.referralId());
        return "trial/randomise";
    }
}
