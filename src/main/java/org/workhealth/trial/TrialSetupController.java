package org.workhealth.trial;

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
import org.workhealth.govuk.Choices;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;
import org.workhealth.trial.internal.AllocationMethod;
import org.workhealth.trial.internal.StratificationFactor;
import org.workhealth.trial.internal.TrialDesign;
import org.workhealth.trial.internal.TrialLockedException;

/** Setting up a trial (answers, then check answers) and changing it until the first unit is randomised. */
@Controller
class TrialSetupController {

    private final Trials trials;
    private final Programmes programmes;

    TrialSetupController(Trials trials, Programmes programmes) {
        this.trials = trials;
        this.programmes = programmes;
    }

    @InitBinder("form")
    void allowFields(WebDataBinder binder) {
        binder.setAllowedFields(TrialForm.FIELDS);
    }

    @GetMapping("/programmes/{programmeId}/trials/new")
    String form(CurrentUser user, @PathVariable long programmeId, Model model) {
        Programme programme = manageable(user, programmeId);
        model.addAttribute("form", TrialForm.blank());
        return page(programme, null, model);
    }

    @PostMapping("/programmes/{programmeId}/trials/new")
    String check(CurrentUser user, @PathVariable long programmeId, @ModelAttribute("form") TrialForm form,
            BindingResult result, Model model) {
        Programme programme = manageable(user, programmeId);
        TrialDesign design = TrialAnswers.design(programmeId, form, result, true, trials);
        if (design == null) {
            return page(programme, null, model);
        }
        model.addAttribute("programme", programme);
        model.addAttribute("design", design);
        model.addAttribute("hidden", hidden(form));
        model.addAttribute("backLink", "/programmes/" + programmeId + "/trials/new");
        return "trial/check";
    }

    @PostMapping("/programmes/{programmeId}/trials/new/change")
    String change(CurrentUser user, @PathVariable long programmeId, @ModelAttribute("form") TrialForm form,
            Model model) {
        return page(manageable(user, programmeId), null, model);
    }

    @PostMapping("/programmes/{programmeId}/trials/new/confirm")
    String confirm(CurrentUser user, @PathVariable long programmeId, @ModelAttribute("form") TrialForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        Programme programme = manageable(user, programmeId);
        TrialDesign design = TrialAnswers.design(programmeId, form, result, true, trials);
        if (design == null) {
            return page(programme, null, model);
        }
        Trial trial = trials.create(user, design);
        redirect.addFlashAttribute("notice", "Trial set up");
        return "redirect:/trials/" + trial.id();
    }

    @GetMapping("/trials/{trialId}/edit")
    String edit(CurrentUser user, @PathVariable long trialId, Model model) {
        Trial trial = trials.manageable(user, trialId);
        model.addAttribute("form", TrialForm.of(trial));
        return page(programme(trial), trial, model);
    }

    @PostMapping("/trials/{trialId}/edit")
    String update(CurrentUser user, @PathVariable long trialId, @ModelAttribute("form") TrialForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        Trial trial = trials.manageable(user, trialId);
        if (trial.locked()) {
            result.reject("locked", new TrialLockedException().getMessage());
            model.addAttribute("lockedMessage", new TrialLockedException().getMessage());
            return page(programme(trial), trial, model);
        }
        // the code identifies the trial and stays as it was
        TrialForm fixed = new TrialForm(trial.code(), form.title(), form.unit(), form.method(), form.armCode(),
                form.armName(), form.armWeight(), form.controlCode(), form.controlName(), form.controlWeight(),
                form.factors(), form.blockMultipliers(), form.probability(), null, form.startsOnDay(),
                form.startsOnMonth(), form.startsOnYear(), null, form.endsOnDay(), form.endsOnMonth(),
                form.endsOnYear(), form.target(), form.viewers(), form.controlAction(), form.followUpWeeks());
        TrialDesign design = TrialAnswers.design(trial.programmeId(), fixed, result, false, trials);
        if (design == null) {
            return page(programme(trial), trial, model);
        }
        try {
            trials.update(user, trialId, design);
        } catch (TrialLockedException e) {
            model.addAttribute("lockedMessage", e.getMessage());
            return page(programme(trial), trial, model);
        }
        redirect.addFlashAttribute("notice", "Trial changed");
        return "redirect:/trials/" + trialId;
    }

    private Programme programme(Trial trial) {
        return programmes.find(trial.programmeId()).orElseThrow(OutOfScopeException::new);
    }

    private Programme manageable(CurrentUser user, long programmeId) {
        Programme programme = programmes.find(programmeId).orElseThrow(OutOfScopeException::new);
        if (!programmes.mayManage(user, programme)) {
            throw new OutOfScopeException();
        }
        return programme;
    }

    private static List<String[]> hidden(TrialForm f) {
        java.util.ArrayList<String[]> fields = new java.util.ArrayList<>();
        String[][] single = {{"code", f.code()}, {"title", f.title()}, {"unit", f.unit()}, {"method", f.method()},
                {"armCode", f.armCode()}, {"armName", f.armName()}, {"armWeight", f.armWeight()},
                {"controlCode", f.controlCode()}, {"controlName", f.controlName()},
                {"controlWeight", f.controlWeight()}, {"probability", f.probability()},
                {"startsOnDay", f.startsOnDay()}, {"startsOnMonth", f.startsOnMonth()},
                {"startsOnYear", f.startsOnYear()}, {"endsOnDay", f.endsOnDay()}, {"endsOnMonth", f.endsOnMonth()},
                {"endsOnYear", f.endsOnYear()}, {"target", f.target()}, {"controlAction", f.controlAction()},
                {"followUpWeeks", f.followUpWeeks()}};
        fields.addAll(Arrays.asList(single));
        f.factorsOrEmpty().forEach(v -> fields.add(new String[] {"factors", v}));
        f.multipliersOrEmpty().forEach(v -> fields.add(new String[] {"blockMultipliers", v}));
        f.viewersOrEmpty().forEach(v -> fields.add(new String[] {"viewers", v}));
        return fields;
    }

    private static String page(Programme programme, Trial trial, Model model) {
        TrialForm form = (TrialForm) model.getAttribute("form");
        model.addAttribute("programme", programme);
        model.addAttribute("trial", trial);
        model.addAttribute("unitItems", Choices.options(List.of(TrialUnit.values()), Enum::name, TrialUnit::label,
                null, List.of(String.valueOf(form.unit()))));
        model.addAttribute("methodItems", Choices.options(List.of(AllocationMethod.values()), Enum::name,
                AllocationMethod::label, null, List.of(String.valueOf(form.method()))));
        model.addAttribute("factorItems", Choices.options(List.of(StratificationFactor.values()), Enum::name,
                f -> f.label() + " (" + f.unit().label().toLowerCase() + " trials)", null, form.factorsOrEmpty()));
        model.addAttribute("multiplierItems", Choices.options(TrialAnswers.MULTIPLIERS, m -> m,
                m -> m + " × the ratio sum", null, form.multipliersOrEmpty()));
        model.addAttribute("viewerItems", Choices.options(List.copyOf(TrialAnswers.VIEWER_ROLES), Enum::name,
                r -> r.label() + "s", null, form.viewersOrEmpty()));
        model.addAttribute("backLink", trial == null ? "/programmes/" + programme.id() : "/trials/" + trial.id());
        return "trial/form";
    }
}
